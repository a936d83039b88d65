import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Activity } from './activity.js';
import { Edits } from './edits.js';
import { Engagements } from './engagements.js';
import { Connection, type Queryable } from './connection.js';
import { DailyTotals } from './daily-totals.js';
import { DaysOff } from './days-off.js';
import { Deliveries } from './deliveries.js';
import type { Db } from './db.js';
import { History } from './history.js';
import { DamagedDatabaseError, quickCheck } from './integrity.js';
import { KpiTrees } from './kpi-tree.js';
import { Metrics, seedBuiltInMetrics } from './metrics.js';
import { OneOnOnes } from './oneonones.js';
import { migrate } from './migrate.js';
import { assertOurs } from './ownership.js';
import { People } from './people.js';
import { PlanProposals } from './plan-proposals.js';
import { Targets } from './targets.js';
import { Teams } from './teams.js';
import { WriteQueue, type WriteJob } from './write-queue.js';

/**
 * The reader's page cache. SQLite's default of 2 MiB holds a small team's year but not a thousand
 * people's (a year of 1,000 people is about 350 MB of file): with 32 MiB a morning's digests read
 * the recent pages from memory, and building them costs about the same with a year of history as
 * with a month (bench/RESULTS.md). SQLite takes the pages as it reads them, up to this.
 */
const READER_CACHE_KIB = 32 * 1024;

export interface StoreOptions {
  /** How long a write waits for another process's lock before giving up. */
  readonly busyTimeoutMs?: number;
  /** Apply pending migrations on open (the bot does; `kpi-bot migrate` does it explicitly). */
  readonly migrate?: boolean;
  /**
   * Run SQLite's `quick_check` before anything else touches the file, and refuse a damaged one
   * with `DamagedDatabaseError` (the bot's start and `kpi-bot migrate` do; it reads every page).
   */
  readonly check?: boolean;
}

/**
 * The SQLite file and everything that reads or writes it. Two connections: a writer that every
 * write reaches through one queue, and a reader that sees the last committed state (WAL lets it
 * read while a write is in progress).
 */
export class Store {
  readonly people: People;
  readonly activity: Activity;
  /** Corrections of recent logs (`/kpi edit`). */
  readonly edits: Edits;
  /** Client engagements, their members and numbers, and review decisions. */
  readonly engagements: Engagements;
  /** Reads of the daily totals, notes and bests: what reports are built from. */
  readonly totals: DailyTotals;
  readonly history: History;
  readonly teams: Teams;
  readonly targets: Targets;
  readonly trees: KpiTrees;
  readonly deliveries: Deliveries;
  readonly oneonones: OneOnOnes;
  /** Each workspace's metric definitions. */
  readonly metrics: Metrics;
  /** People's days off. */
  readonly daysOff: DaysOff;
  /** Reverse plans waiting for a manager's click to become targets and a tree. */
  readonly planProposals: PlanProposals;

  private constructor(
    readonly path: string,
    private readonly writer: Connection,
    private readonly reader: Connection,
    private readonly queue: WriteQueue,
  ) {
    const db: Db = { read: reader as Queryable, write: (job) => queue.enqueue(job) };
    this.people = new People(db);
    this.activity = new Activity(db);
    this.edits = new Edits(db);
    this.engagements = new Engagements(db, (id) => this.teams.byId(id));
    this.totals = new DailyTotals(db);
    this.history = new History(db);
    this.teams = new Teams(db);
    this.targets = new Targets(db);
    this.trees = new KpiTrees(db);
    this.deliveries = new Deliveries(db);
    this.oneonones = new OneOnOnes(db);
    this.metrics = new Metrics(db);
    this.daysOff = new DaysOff(db);
    this.planProposals = new PlanProposals(db);
  }

  static async open(path: string, options: StoreOptions = {}): Promise<Store> {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    mkdirSync(dirname(path), { recursive: true });
    const writer = await Connection.open(path, 'readwrite');
    const queue = new WriteQueue(writer);
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
    return new Store(path, writer, reader, queue);
  }

  /** Runs a write job in the shared queue; it resolves after the commit reached the disk. */
  write<T>(job: WriteJob<T>): Promise<T> {
    return this.queue.enqueue(job);
  }

  /**
   * Whether the database answers reads and still takes writes (a read-only file or a full disk
   * fails the second). The probe alone writes too little to notice everything: after a write
   * failed because the file could not take it (a full disk, a read-only file) the store is
   * unhealthy until a write commits again, and a file SQLite has once reported damaged (corrupt, not
   * a database) stays unhealthy until the bot is restarted on a repaired file. Used by `GET /healthz`.
   */
  async healthy(now: Date, timeoutMs = 2000): Promise<boolean> {
    if (this.writer.damage || this.reader.damage || this.queue.storageFailure) return false;
    const probe = (async () => {
      await this.reader.get('SELECT count(*) FROM schema_migrations');
      await this.queue.enqueue((tx) =>
        tx.run('INSERT INTO heartbeat (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at', [
          now.toISOString(),
        ]),
        { probe: true },
      );
      return true;
    })();
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    return Promise.race([probe.catch(() => false), timeout]);
  }

  /** Waits for queued writes, then closes both connections. */
  async close(): Promise<void> {
    await this.queue.idle();
    await this.reader.close();
    await this.writer.close();
  }

  /** The writer's durability settings and the reader's page cache, as SQLite reports them (for `kpi-bot migrate` and tests). */
  async settings(): Promise<{ journalMode: string; synchronous: number; foreignKeys: number; busyTimeoutMs: number; readerCacheKiB: number }> {
    const writer = await this.queue.enqueue(async (tx) => ({
      journalMode: (await tx.get<{ journal_mode: string }>('PRAGMA journal_mode'))!.journal_mode,
      synchronous: (await tx.get<{ synchronous: number }>('PRAGMA synchronous'))!.synchronous,
      foreignKeys: (await tx.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))!.foreign_keys,
      busyTimeoutMs: (await tx.get<{ timeout: number }>('PRAGMA busy_timeout'))!.timeout,
    }));
    // A negative cache_size is in KiB.
    const cache = (await this.reader.get<{ cache_size: number }>('PRAGMA cache_size'))!.cache_size;
    return { ...writer, readerCacheKiB: -cache };
  }

  /** SQLite's `quick_check` on the file as it is now: the problems found, none for a sound file (`kpi-bot check`). */
  quickCheck(): Promise<string[]> {
    return quickCheck(this.reader);
  }

  /** The schema version, for `kpi-bot migrate` to report. */
  async schemaVersion(): Promise<number> {
    const table = await this.reader.get("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
    if (!table) return 0;
    const row = await this.reader.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    return row?.v ?? 0;
  }
}
