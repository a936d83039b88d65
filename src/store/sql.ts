/**
 * What repositories see of a database connection, whichever engine is behind it. Repositories write
 * SQL with `?` placeholders; a PostgreSQL connection numbers them. Where the two engines need
 * different SQL, a repository picks its variant by `dialect`, never outside src/store.
 */
export type Dialect = 'sqlite' | 'postgres';

export type SqlValue = string | number | null;
export type Params = readonly SqlValue[];

/** What a query can do: read rows, or change them when it runs on the writer. */
export interface Queryable {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  /** Runs a row-by-row read without holding every row in memory. */
  each<T>(sql: string, params: Params, onRow: (row: T) => void): Promise<number>;
}

export interface Tx extends Queryable {
  run(sql: string, params?: Params): Promise<{ changes: number }>;
  /**
   * Runs an INSERT into a table with an `id` key and returns the new row's id, or null when the
   * statement inserted nothing (`ON CONFLICT DO NOTHING`). SQLite reads its last row id; PostgreSQL
   * adds `RETURNING id`.
   */
  insert(sql: string, params?: Params): Promise<number | null>;
  exec(sql: string): Promise<void>;
}

/** `(SELECT …)` listing the items of a JSON array of strings passed as the one placeholder: `x IN ${jsonItems(q)}`. */
export function jsonItems(q: Queryable): string {
  return q.dialect === 'postgres' ? '(SELECT json_array_elements_text(?::json))' : '(SELECT value FROM json_each(?))';
}
