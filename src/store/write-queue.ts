import { isRetryable, isStorageFailure } from './errors.js';
import type { Tx } from './sql.js';

export type WriteJob<T> = (tx: Tx) => Promise<T>;

interface WriteOptions {
  /**
   * A health probe's write: that a tiny write went through says nothing about whether real ones
   * fit, so its success does not clear a storage failure.
   */
  readonly probe?: boolean;
}

/** The connection a batch of writes runs on, for as long as the batch takes. */
export interface WriteSession {
  readonly tx: Tx;
  /** Rows changed through `tx` so far: a write that changed something is told from one that did not. */
  readonly changes: number;
  /** Hands the connection back; `broken` when it failed in a way that leaves it unusable. */
  release(broken: boolean): void;
}

/**
 * Where the queue writes. SQLite: its one writer connection, every batch in `BEGIN IMMEDIATE`.
 * PostgreSQL: a connection taken from the pool for each batch (a lost one is replaced), in `BEGIN`.
 */
export interface WriterLane {
  readonly begin: string;
  acquire(): Promise<WriteSession>;
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

/** How often a write that met a deadlock with another instance runs again before it fails. */
const MAX_TRIES = 4;

/**
 * The one way to write. node-sqlite3 would interleave statements of concurrent callers inside one
 * transaction, so writes queue here and run one at a time on the writer connection (on PostgreSQL,
 * one batch at a time per process; other instances write beside it under the server's row locks).
 *
 * Group commit: the writes waiting when a commit starts share it, and one failing write rolls back
 * alone while the rest still commit; with `synchronous=FULL` (PostgreSQL: `synchronous_commit=on`) a
 * batch costs one flush instead of one per write. A job's promise settles only after its COMMIT
 * returned, so a resolved write is durable.
 *
 * The queue remembers the last write that failed because the database could not take it (a full disk,
 * a read-only file) until a later write that changed something commits: small writes may
 * still fit in a full disk's log while real ones do not.
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private draining: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(private readonly lane: WriterLane) {}

  enqueue<T>(work: WriteJob<T>, options: WriteOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, probe: options.probe ?? false, resolve: resolve as (v: unknown) => void, reject });
      this.draining ??= this.drain();
    });
  }

  /** The error of the last write the database could not take, until a write that changed something commits again. */
  get storageFailure(): Error | null {
    return this.failure;
  }

  private noteFailure(error: unknown): void {
    if (isStorageFailure(error)) this.failure = error as Error;
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
    let session: WriteSession;
    try {
      session = await this.lane.acquire();
    } catch (error) {
      this.noteFailure(error);
      for (const job of batch) job.reject(error);
      return;
    }
    let broken = false;
    try {
      // Optimistically the whole batch runs in one transaction without savepoints (a round trip less
      // a job); when a job fails, everything is rolled back and run again, each job in its own
      // savepoint, so that only the failing one is lost. Jobs only touch the database, so running one
      // again after a rollback is running it for the first time.
      const together = await this.runTogether(session, batch);
      broken = together === 'abandoned' || (together === 'again' && (await this.runInSavepoints(session, batch)));
    } catch (error) {
      broken = true;
      for (const job of batch) job.reject(error);
    } finally {
      session.release(broken);
    }
  }

  /** 'again' when the batch must run job by job; 'abandoned' when none of it stands (the connection may be lost). */
  private async runTogether(session: WriteSession, batch: Pending[]): Promise<'done' | 'again' | 'abandoned'> {
    const { tx } = session;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await tx.exec(this.lane.begin);
      } catch (error) {
        await this.abandon(session, batch, error);
        return 'abandoned';
      }
      const values: unknown[] = [];
      let changedSomething = false;
      let failed: unknown = null;
      for (const job of batch) {
        const changesBefore = session.changes;
        try {
          values.push(await job.work(tx));
        } catch (error) {
          failed = error;
          break;
        }
        if (!job.probe && session.changes > changesBefore) changedSomething = true;
      }
      if (failed !== null) {
        this.noteFailure(failed);
        await tx.exec('ROLLBACK').catch(() => undefined);
        if (isRetryable(failed) && attempt < MAX_TRIES) continue;
        if (batch.length > 1) return 'again';
        batch[0]!.reject(failed);
        return 'done';
      }
      try {
        await tx.exec('COMMIT');
      } catch (error) {
        if (isRetryable(error) && attempt < MAX_TRIES) continue;
        await this.abandon(session, batch, error);
        return 'abandoned';
      }
      if (changedSomething) this.failure = null;
      batch.forEach((job, i) => job.resolve(values[i]));
      return 'done';
    }
  }

  /** Runs each job in its own savepoint; returns true when the connection can no longer be trusted. */
  private async runInSavepoints(session: WriteSession, batch: Pending[]): Promise<boolean> {
    const { tx } = session;
    // Every job runs inside the savepoint `job`, opened before it. Closing one and opening the next
    // is a single call, as are beginning the batch with the first and closing the last with COMMIT.
    try {
      await tx.exec(`${this.lane.begin}; SAVEPOINT job`);
    } catch (error) {
      await this.abandon(session, batch, error);
      return true;
    }
    const outcomes: Outcome[] = [];
    let changedSomething = false;
    for (let i = 0; i < batch.length; i += 1) {
      const job = batch[i]!;
      const next = i + 1 < batch.length ? '; SAVEPOINT job' : '; COMMIT';
      const changesBefore = session.changes;
      let outcome: Outcome = { ok: false, error: null };
      for (let attempt = 1; attempt <= MAX_TRIES; attempt += 1) {
        try {
          outcome = { ok: true, value: await job.work(tx) };
        } catch (error) {
          this.noteFailure(error);
          outcome = { ok: false, error };
        }
        if (outcome.ok || !isRetryable(outcome.error) || attempt === MAX_TRIES) break;
        // A deadlock with another instance: the job's part is undone, and it runs again.
        try {
          await tx.exec('ROLLBACK TO job');
        } catch {
          break;
        }
      }
      if (!outcome.ok) {
        // A failed job rolls back alone; the others of the batch still commit.
        try {
          await tx.exec('ROLLBACK TO job; RELEASE job');
        } catch {
          // The engine already ended the transaction (disk full, I/O error): none of the batch stands.
          await this.abandon(session, batch, outcome.error);
          return true;
        }
      }
      try {
        await tx.exec(outcome.ok ? `RELEASE job${next}` : next.slice(2));
      } catch (error) {
        // The commit (or the next savepoint) failed: none of the batch stands.
        await this.abandon(session, batch, error);
        return true;
      }
      outcomes.push(outcome);
      if (outcome.ok && !job.probe && session.changes > changesBefore) changedSomething = true;
    }
    if (changedSomething) this.failure = null;
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
    return false;
  }

  private async abandon(session: WriteSession, batch: Pending[], error: unknown): Promise<void> {
    this.noteFailure(error);
    await session.tx.exec('ROLLBACK').catch(() => undefined);
    for (const job of batch) job.reject(error);
  }
}
