import { DamagedDatabaseError, ForeignDatabaseError, isPostgresUrl, pgState, redactLocation, sqliteCode, StoreUnavailableError } from '../store/index.js';

/** One line for a PostgreSQL database that could not be used, naming DATABASE_URL (without its password). */
function postgresFailureLine(error: unknown, url: string): string | null {
  const where = `DATABASE_URL=${redactLocation(url)}`;
  if (error instanceof ForeignDatabaseError) {
    return `the database at ${where} holds another application's tables (${error.tables.join(', ')}): the bot leaves them as they are; point DATABASE_URL at an empty database (or schema) or at the bot's own.`;
  }
  if (error instanceof StoreUnavailableError) {
    const cause = (error.cause as Error | undefined)?.message ?? error.message;
    return `cannot reach the PostgreSQL server at ${where} (${cause}): check that it is running and that the host and port are right.`;
  }
  const state = pgState(error);
  if (state === null) return null;
  const said = (error as Error).message;
  if (state === '28P01' || state === '28000') return `PostgreSQL refused the user or password of ${where} (${said}): check the credentials in DATABASE_URL.`;
  if (state === '3D000') return `the database named in ${where} does not exist (${said}): create it (createdb) or fix DATABASE_URL.`;
  if (state === '42501') return `the user of ${where} may not create or change the bot's tables (${said}): grant it rights on the database or schema.`;
  return `the PostgreSQL database at ${where} could not be used (${state}: ${said}).`;
}

/**
 * One line saying what is wrong with the database (the SQLite file, or the PostgreSQL database of
 * `DATABASE_URL`) and what to do, for an error the store raised; null when the error is not about it.
 */
export function storeFailureLine(error: unknown, location: string): string | null {
  if (isPostgresUrl(location)) return postgresFailureLine(error, location);
  const dbPath = location;
  const where = `KPI_DB_PATH=${dbPath}`;
  if (error instanceof DamagedDatabaseError) {
    const more = error.problems.length > 1 ? ` and ${error.problems.length - 1} more problem${error.problems.length > 2 ? 's' : ''}` : '';
    return `the database at ${where} is damaged (quick_check: ${error.problems[0]}${more}): restore it from a backup; \`kpi-bot check\` lists what is wrong.`;
  }
  if (error instanceof ForeignDatabaseError) {
    const what = error.tables.length > 0 ? `it holds ${error.tables.join(', ')}` : `its application_id is ${error.applicationId}`;
    return `the file at ${where} belongs to another application (${what}): the bot leaves it as it is; point KPI_DB_PATH at the bot's own file or at a new path.`;
  }
  const code = sqliteCode(error);
  if (code === 'SQLITE_NOTADB') return `the file at ${where} is not a KPI database or is damaged (${code}): restore it from a backup, or point KPI_DB_PATH at the right file.`;
  if (code === 'SQLITE_CORRUPT') return `the database at ${where} is damaged (${code}: ${(error as Error).message}): restore it from a backup; \`kpi-bot check\` lists what is wrong.`;
  if (code === 'SQLITE_READONLY') return `the database at ${where} is read-only (${code}): the bot must be able to write the file and its folder.`;
  if (code === 'SQLITE_FULL') return `the disk holding ${where} is full (${code}): free some space and start again.`;
  if (code !== null) return `cannot open the database at ${where} (${code}): check the path and its permissions.`;
  return null;
}
