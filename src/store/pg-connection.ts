/**
 * The PostgreSQL driver (`pg`) behind the same `Queryable`/`Tx` as SQLite's connection: `?`
 * placeholders numbered, bigint and numeric read as numbers (SQLite's integers and reals are), and
 * a lost server told as `StoreUnavailableError`, never as a bug.
 */
import pg from 'pg';
import { pgState, StoreUnavailableError } from './errors.js';
import type { Params, Queryable, Tx } from './sql.js';

const numbered = new Map<string, string>();

/** `?` → `$1`, `$2`, … outside quoted text and comments; each statement is worked out once. */
export function numberPlaceholders(sql: string): string {
  const cached = numbered.get(sql);
  if (cached !== undefined) return cached;
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i += 1) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop + 1);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      n += 1;
      out += `$${n}`;
    } else out += c;
  }
  numbered.set(sql, out);
  return out;
}

const BIGINT_OID = 20;
const NUMERIC_OID = 1700;

/** SQLite hands integers and reals to JavaScript as numbers; so does this (amounts stay far below 2^53). */
export const PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === BIGINT_OID || oid === NUMERIC_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

const LOST_CONNECTION = /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Client was closed|after calling end on the pool|connect ECONNREFUSED/u;
const SOCKET_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Whether an error from `pg` says the connection, not the statement, failed. */
export function isLostConnection(error: unknown): boolean {
  if (pgState(error) !== null) return false;
  const e = error as { code?: unknown; message?: unknown } | null;
  return (typeof e?.code === 'string' && SOCKET_CODES.has(e.code)) || (typeof e?.message === 'string' && LOST_CONNECTION.test(e.message));
}

/** A lost connection becomes `StoreUnavailableError`; a statement's own error is passed on as the server said it. */
export function toStoreError(error: unknown): unknown {
  return isLostConnection(error) ? new StoreUnavailableError(error) : error;
}

type Runner = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** Runs one statement; `params` null runs the text as it is (several statements, no placeholders). */
async function rows(on: Runner, sql: string, params: Params | null): Promise<pg.QueryResult> {
  try {
    return params === null ? await on.query(sql) : await on.query(numberPlaceholders(sql), params as unknown[]);
  } catch (error) {
    throw toStoreError(error);
  }
}

/** Streams a query's rows as they arrive, without keeping them (pg keeps no rows when a row listener is set and no callback). */
function streamRows<T>(client: pg.PoolClient, sql: string, params: Params, onRow: (row: T) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const query = client.query(new pg.Query(numberPlaceholders(sql), params as unknown[]));
    let count = 0;
    let failure: unknown = null;
    query.on('row', (row: T) => {
      if (failure !== null) return;
      try {
        onRow(row);
        count += 1;
      } catch (e) {
        failure = e;
      }
    });
    query.on('error', (error: Error) => reject(toStoreError(error)));
    query.on('end', () => (failure !== null ? reject(failure) : resolve(count)));
  });
}

/** Reads on the pool: each statement on whichever connection is free. */
export class PgReader implements Queryable {
  readonly dialect = 'postgres' as const;
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  private open(): void {
    if (this.closed) throw new StoreUnavailableError(new Error('the database connection is closed'));
  }

  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    this.open();
    return (await rows(this.pool, sql, params)).rows as T[];
  }

  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async each<T>(sql: string, params: Params, onRow: (row: T) => void): Promise<number> {
    this.open();
    const client = await connect(this.pool);
    let broken = false;
    try {
      return await streamRows(client, sql, params, onRow);
    } catch (error) {
      broken = error instanceof StoreUnavailableError;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Refuses new reads; the pool itself is ended by the backend. */
  close(): void {
    this.closed = true;
  }
}

/** Takes a connection from the pool, telling a server that cannot be reached as an outage. */
export async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw isLostConnection(error) || pgState(error) === null ? new StoreUnavailableError(error) : error;
  }
}

/** One pooled connection a batch of writes runs on, counting the rows it changes. */
export class PgTx implements Tx {
  readonly dialect = 'postgres' as const;
  changes = 0;
  /** The connection failed under a statement: it goes back to the pool to be discarded. */
  lost = false;

  constructor(private readonly client: pg.PoolClient) {}

  private async query(sql: string, params: Params | null): Promise<pg.QueryResult> {
    try {
      return await rows(this.client, sql, params);
    } catch (error) {
      if (error instanceof StoreUnavailableError) this.lost = true;
      throw error;
    }
  }

  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    const result = await this.query(sql, params);
    if (result.command !== 'SELECT') this.changes += result.rowCount ?? 0;
    return result.rows as T[];
  }

  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: Params = []): Promise<{ changes: number }> {
    const { rowCount } = await this.query(sql, params);
    this.changes += rowCount ?? 0;
    return { changes: rowCount ?? 0 };
  }

  async insert(sql: string, params: Params = []): Promise<number | null> {
    const rows = await this.all<{ id: number }>(`${sql} RETURNING id`, params);
    return rows[0]?.id ?? null;
  }

  async exec(sql: string): Promise<void> {
    await this.query(sql, null);
  }

  each<T>(sql: string, params: Params, onRow: (row: T) => void): Promise<number> {
    return streamRows(this.client, sql, params, onRow);
  }
}
