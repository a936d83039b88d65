import type { Connection, Tx } from './connection.js';

export type WriteJob<T> = (tx: Tx) => Promise<T>;

interface Pending {
  readonly work: WriteJob<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** How many waiting writes may share one commit. */
const MAX_BATCH = 256;

/**
 * The one way to write. node-sqlite3 would interleave statements of concurrent callers inside one
 * transaction, so writes queue here and run one at a time on the writer connection.
 *
 * Group commit: the writes waiting when a commit starts share it, each inside its own savepoint,
 * so one failing write rolls back alone and the rest still commit; with `synchronous=FULL` a batch
 * costs one fsync instead of one per write. A job's promise settles only after its COMMIT returned,
 * so a resolved write is on disk.
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private draining: Promise<void> | null = null;

  constructor(private readonly connection: Connection) {}

  enqueue<T>(work: WriteJob<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.draining ??= this.drain();
    });
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
    const tx = this.connection;
    try {
      await tx.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    const outcomes: Outcome[] = [];
    for (const job of batch) {
      try {
        await tx.exec('SAVEPOINT job');
      } catch (error) {
        await this.abandon(batch, error);
        return;
      }
      try {
        const value = await job.work(tx);
        await tx.exec('RELEASE job');
        outcomes.push({ ok: true, value });
      } catch (error) {
        try {
          await tx.exec('ROLLBACK TO job');
          await tx.exec('RELEASE job');
        } catch (rollbackError) {
          // SQLite already ended the transaction (disk full, I/O error): none of the batch stands.
          await this.abandon(batch, error ?? rollbackError);
          return;
        }
        outcomes.push({ ok: false, error });
      }
    }
    try {
      await tx.exec('COMMIT');
    } catch (error) {
      await this.abandon(batch, error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  private async abandon(batch: Pending[], error: unknown): Promise<void> {
    await this.connection.exec('ROLLBACK').catch(() => undefined);
    for (const job of batch) job.reject(error);
  }
}
