/**
 * The SQLite driver, and the only module that loads it: every use of `sqlite3` sits behind this
 * `Connection`, so a maintained driver (`node:sqlite`, better-sqlite3) replaces it here alone
 * (README, Dependencies). The store loads this module only for a SQLite database.
 */
import sqlite3 from 'sqlite3';
import { isDamage } from './errors.js';
import type { Params, Tx } from './sql.js';

/** What a call gets once its connection is closing or closed: an outage of the store, never a crash or a hang. */
function closedError(): Error {
  return Object.assign(new Error('SQLITE_MISUSE: the database connection is closed'), { code: 'SQLITE_MISUSE' });
}

interface CachedStatement {
  readonly stmt: sqlite3.Statement;
  /** The calls waiting on the statement, failed together if it cannot be compiled. */
  readonly waiting: Set<(error: unknown) => void>;
}

/**
 * One SQLite connection with promise-returning calls and a cache of prepared statements (the hot
 * statements of `/kpi log` are compiled once). Callers serialise their own transactions.
 *
 * Every call settles: a statement that cannot be compiled fails the calls waiting on it, and a call
 * made once `close()` has begun fails at once. `close()` waits for the calls in flight.
 */
export class Connection implements Tx {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, CachedStatement>();
  private inFlight = 0;
  private whenSettled: (() => void) | null = null;
  private closing: Promise<void> | null = null;
  /** The first error that showed the file is damaged (corrupt, or not a database at all), if any. */
  private damageSeen: Error | null = null;
  private changed = 0;

  private constructor(private readonly db: sqlite3.Database) {
    // node-sqlite3 emits on the database the errors it has no callback for; unheard, an 'error'
    // event would end the process. Every call here passes its own callback, so nothing is lost.
    db.on('error', () => undefined);
  }

  static open(path: string, mode: 'readwrite' | 'readonly'): Promise<Connection> {
    const flags = mode === 'readonly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, flags, (err) => (err ? reject(err) : resolve(new Connection(db))));
    });
  }

  configureBusyTimeout(ms: number): void {
    this.db.configure('busyTimeout', ms);
  }

  /** Rows changed by `run` calls so far: a write queue tells a write that changed something from one that did not. */
  get changes(): number {
    return this.changed;
  }

  /** The error that showed the database file is damaged, once a call has met one. */
  get damage(): Error | null {
    return this.damageSeen;
  }

  /** Runs one call, counted so `close()` can wait for it; fails at once when the connection is closing. */
  private track<T>(start: (resolve: (value: T) => void, reject: (reason: unknown) => void) => void): Promise<T> {
    if (this.closing) return Promise.reject(closedError());
    this.inFlight += 1;
    return new Promise<T>(start).then(
      (value) => {
        this.settle();
        return value;
      },
      (error: unknown) => {
        this.settle();
        if (isDamage(error)) this.damageSeen ??= error as Error;
        throw error;
      },
    );
  }

  private settle(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) this.whenSettled?.();
  }

  private statement(sql: string): CachedStatement {
    let cached = this.statements.get(sql);
    if (!cached) {
      const entry: CachedStatement = { stmt: this.db.prepare(sql), waiting: new Set() };
      // A statement that fails to compile (a damaged schema, a missing table) reports it only through
      // this event, and node-sqlite3 then drops the calls queued on it without calling them back:
      // fail those calls here, and keep no such statement cached.
      entry.stmt.on('error', (error: Error) => {
        if (this.statements.get(sql) === entry) this.statements.delete(sql);
        for (const fail of entry.waiting) fail(error);
        entry.waiting.clear();
      });
      this.statements.set(sql, entry);
      cached = entry;
    }
    return cached;
  }

  run(sql: string, params: Params = []): Promise<{ changes: number; lastId: number }> {
    const connection = this;
    return this.track((resolve, reject) => {
      const { stmt, waiting } = this.statement(sql);
      waiting.add(reject);
      stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
        waiting.delete(reject);
        if (err) reject(err);
        else {
          connection.changed += this.changes;
          resolve({ changes: this.changes, lastId: this.lastID });
        }
      });
    });
  }

  async insert(sql: string, params: Params = []): Promise<number | null> {
    const { changes, lastId } = await this.run(sql, params);
    return changes > 0 ? lastId : null;
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return this.track((resolve, reject) => {
      const { stmt, waiting } = this.statement(sql);
      waiting.add(reject);
      stmt.all(params, (err: Error | null, rows: T[]) => {
        waiting.delete(reject);
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }

  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /**
   * Streams rows to `onRow`. A read that fails part way (a damaged page) rejects with SQLite's
   * error, never resolves with the rows read so far: node-sqlite3 calls an `each`'s completion
   * callback without the error and hands the error to the row callback, before or after it. So the
   * statement is finalized behind the read, and the outcome is known only once both have called back.
   */
  each<T>(sql: string, params: Params, onRow: (row: T) => void): Promise<number> {
    return this.track((resolve, reject) => {
      let failure: unknown = null;
      let count: number | null = null;
      let finalized = false;
      const settle = () => {
        if (failure !== null) reject(failure);
        else if (count !== null && finalized) resolve(count);
      };
      const stmt = this.db.prepare(sql, (err: Error | null) => {
        if (!err) return;
        // A statement that does not compile runs nothing queued on it.
        failure ??= err;
        reject(failure);
      });
      stmt.each(
        params,
        (err: Error | null, row: T) => {
          if (failure !== null) return;
          if (err) failure = err;
          else {
            try {
              onRow(row);
            } catch (e) {
              failure = e;
            }
          }
        },
        (err: Error | null, n: number) => {
          if (err) failure ??= err;
          count = n;
          settle();
        },
      );
      stmt.finalize(() => {
        finalized = true;
        settle();
      });
    });
  }

  exec(sql: string): Promise<void> {
    return this.track((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  /** Refuses new calls, waits for those in flight, then closes. Calling it again waits for the same close. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.inFlight > 0) await new Promise<void>((resolve) => (this.whenSettled = resolve));
      await Promise.all(
        [...this.statements.values()].map(({ stmt }) => new Promise<void>((resolve) => stmt.finalize(() => resolve()))),
      );
      this.statements.clear();
      await new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
    })();
    return this.closing;
  }
}
