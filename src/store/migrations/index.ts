import { sql as initial } from './001_initial.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Numbered, applied in order at start, one transaction each, never edited once released. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];
