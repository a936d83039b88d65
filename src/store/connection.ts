import sqlite3 from 'sqlite3';

export type SqlValue = string | number | null;
export type Params = readonly SqlValue[];

/** What a query can do: read rows, or change them when it runs on the writer. */
export interface Queryable {
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  /** Runs a row-by-row read without holding every row in memory. */
  each<T>(sql: string, params: Params, onRow: (row: T) => void): Promise<number>;
}

export interface Tx extends Queryable {
  run(sql: string, params?: Params): Promise<{ changes: number; lastId: number }>;
  exec(sql: string): Promise<void>;
}

/** A SQLite error code (`SQLITE_FULL`, `SQLITE_BUSY`, …) when an error came from SQLite. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * One SQLite connection with promise-returning calls and a cache of prepared statements (the hot
 * statements of `/kpi log` are compiled once). Callers serialise their own transactions.
 */
export class Connection implements Tx {
  private readonly statements = new Map<string, sqlite3.Statement>();

  private constructor(private readonly db: sqlite3.Database) {}

  static open(path: string, mode: 'readwrite' | 'readonly'): Promise<Connection> {
    const flags = mode === 'readonly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, flags, (err) => (err ? reject(err) : resolve(new Connection(db))));
    });
  }

  configureBusyTimeout(ms: number): void {
    this.db.configure('busyTimeout', ms);
  }

  private statement(sql: string): sqlite3.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      // A statement that failed to compile reports through its first call; keep none of those cached.
      stmt.on('error', () => this.statements.delete(sql));
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  run(sql: string, params: Params = []): Promise<{ changes: number; lastId: number }> {
    return new Promise((resolve, reject) => {
      this.statement(sql).run(params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.statement(sql).all(params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  each<T>(sql: string, params: Params, onRow: (row: T) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      let failure: unknown = null;
      this.db.each(
        sql,
        params,
        (err: Error | null, row: T) => {
          if (err || failure) return;
          try {
            onRow(row);
          } catch (e) {
            failure = e;
          }
        },
        (err: Error | null, count: number) => (err ? reject(err) : failure ? reject(failure) : resolve(count)),
      );
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.statements.values()].map((s) => new Promise<void>((resolve) => s.finalize(() => resolve()))),
    );
    this.statements.clear();
    await new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}
