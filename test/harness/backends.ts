/**
 * The two stores the repository tests run against: a SQLite file in a temporary folder, and a fresh
 * schema of the test run's PostgreSQL server (test/harness/pg-global-setup.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, inject } from 'vitest';
import { tempDir } from './bot.js';
import { Store } from '../../src/store/index.js';

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** The test run's PostgreSQL server, `postgres` database. */
export function pgServerUrl(): string {
  return inject('pgUrl');
}

/** A URL whose connections work in a new, empty schema of the test server. */
export async function freshPgUrl(base = pgServerUrl()): Promise<string> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A fresh location for a store of the backend: a path in a new temporary folder, or a new schema's URL. */
export function locationEach(backend: BackendName): { readonly location: string } {
  const current = { location: '' };
  let dir: ReturnType<typeof tempDir> | null = null;
  beforeEach(async () => {
    if (backend === 'postgres') current.location = await freshPgUrl();
    else {
      dir = tempDir();
      current.location = `${dir.path}/kpi.sqlite`;
    }
  });
  afterEach(() => dir?.remove());
  return current;
}

/** A store of the backend on a fresh database for each test of the suite this is called in, closed after it. */
export function backendStoreEach(backend: BackendName): { readonly store: Store; readonly location: string } {
  const where = locationEach(backend);
  const current = {} as { store: Store; location: string };
  beforeEach(async () => {
    current.location = where.location;
    current.store = await Store.open(where.location);
  });
  afterEach(() => current.store.close());
  return current;
}

/** Reads with a store of its own on the same database: what any other process would see. */
export async function rawQuery<T>(location: string, sql: string): Promise<T[]> {
  const other = await Store.open(location, { migrate: false });
  try {
    return await other.write((tx) => tx.all<T>(sql));
  } finally {
    await other.close();
  }
}
