// One PostgreSQL server for the whole test run (vitest globalSetup); each test takes a fresh schema of it.
import type { TestProject } from 'vitest/node';
import { startPgServer, type PgServer } from './pg-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

let server: PgServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  server = await startPgServer();
  project.provide('pgUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.remove();
}
