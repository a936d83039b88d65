import pg from 'pg';
import type { Backend, StoreOptions, StoreSettings } from './backend.js';
import { StoreUnavailableError } from './errors.js';
import { redactLocation } from './location.js';
import { seedBuiltInMetrics } from './metrics.js';
import { SchemaTooNewError } from './migrate.js';
import type { Migration } from './migrations/index.js';
import { ForeignDatabaseError } from './ownership.js';
import { connect, PG_TYPES, PgReader, PgTx, toStoreError } from './pg-connection.js';
import { PG_MIGRATIONS } from './pg-migrations/index.js';
import { WriteQueue } from './write-queue.js';

/** Connections one process keeps for reads at most; the write queue has a connection of its own. */
const POOL_SIZE = 8;

/** The first key of the migrations' advisory lock ("KPIR"); the second is the schema's, so schemas migrate apart. */
const MIGRATION_LOCK = 0x4b504952;

/** Tables in the current schema shown in a refusal before the rest are counted. */
const SHOWN_TABLES = 5;

/**
 * Refuses a schema that holds another application's tables: ours has `schema_migrations` with our
 * first migration, or is empty (a new database, or one whose first migration never committed).
 */
async function assertOursPg(client: pg.PoolClient, first: Migration): Promise<void> {
  const tables = (
    await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")
  ).rows.map((r) => r.name);
  if (tables.length === 0) return;
  const shown = tables.length > SHOWN_TABLES ? [...tables.slice(0, SHOWN_TABLES), `${tables.length - SHOWN_TABLES} more`] : tables;
  if (tables.includes('schema_migrations')) {
    try {
      const row = (await client.query<{ version: number; name: string }>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version LIMIT 1')).rows[0];
      if (row === undefined ? tables.length === 1 : Number(row.version) === first.version && row.name === first.name) return;
    } catch {
      // another tool's table of that name
    }
  }
  throw new ForeignDatabaseError(shown, 0);
}

/**
 * Applies the migrations the database lacks, each in its own transaction, under an advisory lock:
 * instances starting together migrate once, the others wait and find nothing to do.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = PG_MIGRATIONS, now = new Date()): Promise<number[]> {
  const client = await connect(pool);
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
    try {
      await assertOursPg(client, migrations[0]!);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
      const known = Math.max(0, ...migrations.map((m) => m.version));
      const applied: number[] = [];
      for (const migration of migrations) {
        await client.query('BEGIN');
        try {
          const current = Number((await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0);
          if (current > known) throw new SchemaTooNewError(current, known);
          const done = (await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version])).rowCount;
          if (!done) {
            await client.query(migration.sql);
            await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now.toISOString()]);
            applied.push(migration.version);
          }
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } catch (error) {
    throw toStoreError(error);
  } finally {
    client.release();
  }
}

/**
 * The URL with `synchronous_commit=on` added to the options every connection starts with:
 * acknowledged means committed and flushed, whatever the server's default.
 */
function withSynchronousCommit(url: string): string {
  try {
    const u = new URL(url);
    const options = u.searchParams.get('options');
    u.searchParams.set('options', `${options ? `${options} ` : ''}-c synchronous_commit=on`);
    return u.toString();
  } catch {
    return url;
  }
}

/** A pool on `url` that reads bigint and numeric as numbers and commits synchronously on every connection. */
export function createPool(url: string, max = POOL_SIZE): pg.Pool {
  const pool = new pg.Pool({
    connectionString: withSynchronousCommit(url),
    types: PG_TYPES,
    max,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 5_000,
    application_name: 'kpi-bot',
  });
  // An idle connection the server dropped: the pool discards it and opens another when one is needed.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A PostgreSQL database that several instances may share. Reads go to a pool; this process's writes
 * go through one queue (group commit) on a pool of one connection of their own, so a burst of reads
 * never holds up the writer, and a connection the server dropped is replaced on the next batch: the
 * store recovers by itself.
 */
export async function openPostgres(url: string, options: StoreOptions): Promise<Backend> {
  const pool = createPool(url);
  const writerPool = createPool(url, 1);
  const reader = new PgReader(pool);
  let closing: Promise<void> | null = null;
  let closed = false;
  const queue = new WriteQueue({
    begin: 'BEGIN',
    async acquire() {
      if (closed) throw new StoreUnavailableError(new Error('the database connection is closed'));
      const client = await connect(writerPool);
      const tx = new PgTx(client);
      return {
        tx,
        get changes() {
          return tx.changes;
        },
        release: (broken) => client.release(broken || tx.lost),
      };
    },
  });
  try {
    if (options.migrate !== false) {
      await migratePostgres(pool);
      await queue.enqueue((tx) => seedBuiltInMetrics(tx, new Date()));
    } else {
      const client = await connect(pool);
      try {
        await assertOursPg(client, PG_MIGRATIONS[0]!);
      } finally {
        client.release();
      }
    }
  } catch (error) {
    await Promise.all([pool.end(), writerPool.end()]).catch(() => undefined);
    throw error;
  }
  return {
    dialect: 'postgres',
    location: redactLocation(url),
    read: reader,
    queue,
    damage: () => null,
    settings: (): Promise<StoreSettings> =>
      queue.enqueue(async (tx) => ({
        synchronousCommit: (await tx.get<{ synchronous_commit: string }>('SHOW synchronous_commit'))!.synchronous_commit,
        fsync: (await tx.get<{ fsync: string }>('SHOW fsync'))!.fsync,
        isolation: (await tx.get<{ transaction_isolation: string }>('SHOW transaction_isolation'))!.transaction_isolation,
      })),
    quickCheck: async () => [],
    async schemaVersion() {
      const table = await reader.get<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
      if (!table?.t) return 0;
      return (await reader.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations'))?.v ?? 0;
    },
    close() {
      closing ??= (async () => {
        await queue.idle();
        closed = true;
        reader.close();
        await Promise.all([pool.end(), writerPool.end()]);
      })();
      return closing;
    },
  };
}
