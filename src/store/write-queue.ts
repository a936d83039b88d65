import { sqliteCode, type Connection, type Tx } from './connection.js';

export type WriteJob<T> = (tx: Tx) => Promise<T>;

interface WriteOptions {
  /**
   * A health probe's write: that a tiny write went through says nothing about whether real ones
   * fit, so its success does not clear a storage failure.
   */
  readonly probe?: boolean;
}

interface Pending {
  readonly work: WriteJob<unknown>;
  readonly probe: boolean;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** How many waiting writes may share one commit. */
const MAX_BATCH = 256;

/**
 * Codes that say the file cannot take writes for now: no space, an I/O error, read-only, unreachable.
 * (A damaged file is remembered for good by the connection that met it.)
 */
const STORAGE_FAILURES: ReadonlySet<string> = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);

/**
 * The one way to write. node-sqlite3 would interleave statements of concurrent callers inside one
 * transaction, so writes queue here and run one at a time on the writer connection.
 *
 * Group commit: the writes waiting when a commit starts share it, and one failing write rolls back
 * alone while the rest still commit; with `synchronous=FULL` a batch costs one fsync instead of one
 * per write. A job's promise settles only after its COMMIT returned, so a resolved write is on disk.
 *
 * The queue remembers the last write that failed because the file could not take it (a full disk,
 * a read-only file) until a later write that changed something commits: small writes may
 * still fit in a full disk's log while real ones do not.
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private draining: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(private readonly connection: Connection) {}

  enqueue<T>(work: WriteJob<T>, options: WriteOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, probe: options.probe ?? false, resolve: resolve as (v: unknown) => void, reject });
      this.draining ??= this.drain();
    });
  }

  /** The error of the last write the file could not take, until a write that changed something commits again. */
  get storageFailure(): Error | null {
    return this.failure;
  }

  private noteFailure(error: unknown): void {
    const code = sqliteCode(error);
    if (code !== null && STORAGE_FAILURES.has(code)) this.failure = error as Error;
  }

  /** Resolves once every write queued so far has settled. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      // Let the writes of the same tick join the first batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        await this.runBatch(batch);
      }
    } finally {
      this.draining = null;
      if (this.pending.length > 0) this.draining = this.drain();
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    // Optimistically the whole batch runs in one transaction without savepoints (a round trip less
    // a job); when a job fails, everything is rolled back and run again, each job in its own
    // savepoint, so that only the failing one is lost. Jobs only touch the database, so running one
    // again after a rollback is running it for the first time.
    if ((await this.runTogether(batch)) === 'again') await this.runInSavepoints(batch);
  }

  private async runTogether(batch: Pending[]): Promise<'done' | 'again'> {
    const tx = this.connection;
    try {
      await tx.exec('BEGIN IMMEDIATE');
    } catch (error) {
      await this.abandon(batch, error);
      return 'done';
    }
    const values: unknown[] = [];
    let changedSomething = false;
    for (const job of batch) {
      const changesBefore = this.connection.changes;
      try {
        values.push(await job.work(tx));
      } catch (error) {
        this.noteFailure(error);
        await tx.exec('ROLLBACK').catch(() => undefined);
        if (batch.length > 1) return 'again';
        job.reject(error);
        return 'done';
      }
      if (!job.probe && this.connection.changes > changesBefore) changedSomething = true;
    }
    try {
      await tx.exec('COMMIT');
    } catch (error) {
      await this.abandon(batch, error);
      return 'done';
    }
    if (changedSomething) this.failure = null;
    batch.forEach((job, i) => job.resolve(values[i]));
    return 'done';
  }

  private async runInSavepoints(batch: Pending[]): Promise<void> {
    const tx = this.connection;
    // Every job runs inside the savepoint `job`, opened before it. Closing one and opening the next
    // is a single call, as are beginning the batch with the first and closing the last with COMMIT.
    try {
      await tx.exec('BEGIN IMMEDIATE; SAVEPOINT job');
    } catch (error) {
      await this.abandon(batch, error);
      return;
    }
    const outcomes: Outcome[] = [];
    let changedSomething = false;
    for (let i = 0; i < batch.length; i += 1) {
      const job = batch[i]!;
      const next = i + 1 < batch.length ? '; SAVEPOINT job' : '; COMMIT';
      const changesBefore = this.connection.changes;
      let outcome: Outcome;
      try {
        outcome = { ok: true, value: await job.work(tx) };
      } catch (error) {
        this.noteFailure(error);
        outcome = { ok: false, error };
      }
      if (!outcome.ok) {
        // A failed job rolls back alone; the others of the batch still commit.
        try {
          await tx.exec('ROLLBACK TO job; RELEASE job');
        } catch {
          // SQLite already ended the transaction (disk full, I/O error): none of the batch stands.
          await this.abandon(batch, outcome.error);
          return;
        }
      }
      try {
        await tx.exec(outcome.ok ? `RELEASE job${next}` : next.slice(2));
      } catch (error) {
        // The commit (or the next savepoint) failed: none of the batch stands.
        await this.abandon(batch, error);
        return;
      }
      outcomes.push(outcome);
      if (outcome.ok && !job.probe && this.connection.changes > changesBefore) changedSomething = true;
    }
    if (changedSomething) this.failure = null;
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  private async abandon(batch: Pending[], error: unknown): Promise<void> {
    this.noteFailure(error);
    await this.connection.exec('ROLLBACK').catch(() => undefined);
    for (const job of batch) job.reject(error);
  }
}
