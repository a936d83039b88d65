import type { Dialect, Queryable } from './sql.js';
import type { WriteQueue } from './write-queue.js';

export interface StoreOptions {
  /** How long a write waits for another process's lock before giving up (SQLite). */
  readonly busyTimeoutMs?: number;
  /** Apply pending migrations on open (the bot does; `kpi-bot migrate` does it explicitly). */
  readonly migrate?: boolean;
  /**
   * Run SQLite's `quick_check` before anything else touches the file, and refuse a damaged one
   * with `DamagedDatabaseError` (the bot's start and `kpi-bot migrate` do; it reads every page).
   * PostgreSQL checks its own pages; there it is a no-op.
   */
  readonly check?: boolean;
}

/** The durability settings a store runs with, as its engine reports them (for `kpi-bot migrate` and tests). */
export type StoreSettings =
  | { journalMode: string; synchronous: number; foreignKeys: number; busyTimeoutMs: number; readerCacheKiB: number }
  | { synchronousCommit: string; fsync: string; isolation: string };

/** One engine behind the store: where reads go, the write queue, and what only that engine can say. */
export interface Backend {
  readonly dialect: Dialect;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  readonly read: Queryable;
  readonly queue: WriteQueue;
  /** The error that showed the database damaged (SQLite), once a call met one. */
  damage(): Error | null;
  settings(): Promise<StoreSettings>;
  /** SQLite's `quick_check`; PostgreSQL has no such check of its own files here and reports none. */
  quickCheck(): Promise<string[]>;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
