/**
 * How the store's failures are told apart, for both engines: a damaged SQLite file, a database that
 * cannot take writes or cannot be reached (an outage), and everything else (a bug).
 */

/** A SQLite error code (`SQLITE_FULL`, `SQLITE_BUSY`, …) when an error came from SQLite. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Codes that say the file itself is damaged: what it holds cannot be trusted until it is repaired. */
const DAMAGE_CODES: ReadonlySet<string> = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** Whether an error says the database file is damaged (corrupt, or not a database at all). */
export function isDamage(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && DAMAGE_CODES.has(code);
}

/** The PostgreSQL server could not be reached or dropped the connection: the store is out until it is back. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(cause: unknown) {
    super(`the PostgreSQL server is not reachable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/** A PostgreSQL SQLSTATE (five characters) when an error came from the server. */
export function pgState(error: unknown): string | null {
  const e = error as { code?: unknown; severity?: unknown } | null;
  return typeof e?.code === 'string' && /^[0-9A-Z]{5}$/u.test(e.code) && typeof e.severity === 'string' ? e.code : null;
}

/**
 * The store's code for an error it raised: SQLite's (`SQLITE_FULL`), PostgreSQL's SQLSTATE
 * (`PG_53100`), or `STORE_UNAVAILABLE` for a server that cannot be reached; null for anything else.
 */
export function storeErrorCode(error: unknown): string | null {
  if (error instanceof StoreUnavailableError) return error.code;
  const state = pgState(error);
  return sqliteCode(error) ?? (state === null ? null : `PG_${state}`);
}

/**
 * Errors that say the database cannot take writes for now: no space, an I/O error, read-only,
 * unreachable (a damaged SQLite file is remembered for good by the connection that met it). A lost
 * PostgreSQL connection is not among them: the pool opens a new one, and the next probe tells.
 */
const SQLITE_STORAGE_FAILURES: ReadonlySet<string> = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);

export function isStorageFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  if (code !== null) return SQLITE_STORAGE_FAILURES.has(code);
  const state = pgState(error);
  return state !== null && (state.startsWith('53') || state === '25006');
}

/** Deadlocks and serialization failures between instances: the transaction may simply run again. */
export function isRetryable(error: unknown): boolean {
  const state = pgState(error);
  return state === '40001' || state === '40P01';
}
