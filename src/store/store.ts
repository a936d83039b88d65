import { Activity } from './activity.js';
import type { Backend, StoreOptions, StoreSettings } from './backend.js';
import { Edits } from './edits.js';
import { Engagements } from './engagements.js';
import { DailyTotals } from './daily-totals.js';
import { DaysOff } from './days-off.js';
import { Deliveries } from './deliveries.js';
import type { Db } from './db.js';
import { History } from './history.js';
import { isPostgresUrl } from './location.js';
import { KpiTrees } from './kpi-tree.js';
import { Metrics } from './metrics.js';
import { OneOnOnes } from './oneonones.js';
import { People } from './people.js';
import { PlanProposals } from './plan-proposals.js';
import type { Dialect } from './sql.js';
import { Targets } from './targets.js';
import { Teams } from './teams.js';
import type { WriteJob } from './write-queue.js';

export type { StoreOptions, StoreSettings } from './backend.js';

/**
 * The database and everything that reads or writes it: a SQLite file (a writer that every write
 * reaches through one queue, and a reader that sees the last committed state), or a PostgreSQL
 * database that several instances may share (a pool; each process's writes still go through one
 * queue, with group commit). The repositories are the same for both.
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

  private constructor(private readonly backend: Backend) {
    const queue = backend.queue;
    const db: Db = { read: backend.read, write: (job) => queue.enqueue(job) };
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

  /**
   * Opens a SQLite file (a path) or a PostgreSQL database (a `postgres://` URL). Each engine's
   * module loads only when it is used: a PostgreSQL store never loads the SQLite driver.
   */
  static async open(location: string, options: StoreOptions = {}): Promise<Store> {
    const backend = isPostgresUrl(location)
      ? await (await import('./pg-backend.js')).openPostgres(location, options)
      : await (await import('./sqlite-backend.js')).openSqlite(location, options);
    return new Store(backend);
  }

  /** The SQLite file, or the PostgreSQL URL without its password. */
  get path(): string {
    return this.backend.location;
  }

  get dialect(): Dialect {
    return this.backend.dialect;
  }

  /** Runs a write job in the shared queue; it resolves after the commit reached the disk. */
  write<T>(job: WriteJob<T>): Promise<T> {
    return this.backend.queue.enqueue(job);
  }

  /**
   * Whether the database answers reads and still takes writes (a read-only file or a full disk
   * fails the second). The probe alone writes too little to notice everything: after a write
   * failed because the file could not take it (a full disk, a read-only file) the store is
   * unhealthy until a write commits again, and a file SQLite has once reported damaged (corrupt, not
   * a database) stays unhealthy until the bot is restarted on a repaired file. Used by `GET /healthz`.
   */
  async healthy(now: Date, timeoutMs = 2000): Promise<boolean> {
    const { queue, read } = this.backend;
    if (this.backend.damage() || queue.storageFailure) return false;
    const probe = (async () => {
      await read.get('SELECT count(*) FROM schema_migrations');
      await queue.enqueue((tx) =>
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

  /** Waits for queued writes, then closes the connections. */
  close(): Promise<void> {
    return this.backend.close();
  }

  /** The durability settings as the engine reports them (for `kpi-bot migrate` and tests). */
  settings(): Promise<StoreSettings> {
    return this.backend.settings();
  }

  /** SQLite's `quick_check` on the file as it is now: the problems found, none for a sound file (`kpi-bot check`). */
  quickCheck(): Promise<string[]> {
    return this.backend.quickCheck();
  }

  /** The schema version, for `kpi-bot migrate` to report. */
  schemaVersion(): Promise<number> {
    return this.backend.schemaVersion();
  }
}
