import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Backend, StoreOptions, StoreSettings } from './backend.js';
import { Connection } from './connection.js';
import { DamagedDatabaseError, quickCheck } from './integrity.js';
import { seedBuiltInMetrics } from './metrics.js';
import { migrate } from './migrate.js';
import { assertOurs } from './ownership.js';
import { WriteQueue } from './write-queue.js';

/**
 * The reader's page cache. SQLite's default of 2 MiB holds a small team's year but not a thousand
 * people's (a year of 1,000 people is about 350 MB of file): with 32 MiB a morning's digests read
 * the recent pages from memory, and building them costs about the same with a year of history as
 * with a month (bench/RESULTS.md). SQLite takes the pages as it reads them, up to this.
 */
const READER_CACHE_KIB = 32 * 1024;

/**
 * The SQLite file: a writer that every write reaches through one queue, and a reader that sees the
 * last committed state (WAL lets it read while a write is in progress).
 */
export async function openSqlite(path: string, options: StoreOptions): Promise<Backend> {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  mkdirSync(dirname(path), { recursive: true });
  const writer = await Connection.open(path, 'readwrite');
  const queue = new WriteQueue({ begin: 'BEGIN IMMEDIATE', acquire: async () => ({ tx: writer, get changes() { return writer.changes; }, release: () => undefined }) });
  try {
    writer.configureBusyTimeout(busyTimeoutMs);
    await writer.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    // Before anything writes to the file: even switching it to WAL rewrites its header.
    await assertOurs(writer);
    await writer.exec('PRAGMA journal_mode = WAL');
    await writer.exec('PRAGMA synchronous = FULL');
    await writer.exec('PRAGMA foreign_keys = ON');
    if (options.check) {
      const problems = await quickCheck(writer);
      if (problems.length > 0) throw new DamagedDatabaseError(problems);
    }
    if (options.migrate !== false) {
      await migrate(writer);
      await queue.enqueue((tx) => seedBuiltInMetrics(tx, new Date()));
    }
  } catch (error) {
    await writer.close().catch(() => undefined);
    throw error;
  }
  const reader = await Connection.open(path, 'readwrite');
  reader.configureBusyTimeout(busyTimeoutMs);
  await reader.exec('PRAGMA query_only = ON');
  await reader.exec(`PRAGMA cache_size = -${READER_CACHE_KIB}`);
  return {
    dialect: 'sqlite',
    location: path,
    read: reader,
    queue,
    damage: () => writer.damage ?? reader.damage,
    async settings(): Promise<StoreSettings> {
      const w = await queue.enqueue(async (tx) => ({
        journalMode: (await tx.get<{ journal_mode: string }>('PRAGMA journal_mode'))!.journal_mode,
        synchronous: (await tx.get<{ synchronous: number }>('PRAGMA synchronous'))!.synchronous,
        foreignKeys: (await tx.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))!.foreign_keys,
        busyTimeoutMs: (await tx.get<{ timeout: number }>('PRAGMA busy_timeout'))!.timeout,
      }));
      // A negative cache_size is in KiB.
      const cache = (await reader.get<{ cache_size: number }>('PRAGMA cache_size'))!.cache_size;
      return { ...w, readerCacheKiB: -cache };
    },
    quickCheck: () => quickCheck(reader),
    async schemaVersion() {
      const table = await reader.get("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
      if (!table) return 0;
      const row = await reader.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      return row?.v ?? 0;
    },
    async close() {
      await queue.idle();
      await reader.close();
      await writer.close();
    },
  };
}
