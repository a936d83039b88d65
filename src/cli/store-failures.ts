import { DamagedDatabaseError, ForeignDatabaseError, sqliteCode } from '../store/index.js';

/**
 * One line saying what is wrong with the database file and what to do, for an error the store
 * raised; null when the error is not about the file.
 */
export function storeFailureLine(error: unknown, dbPath: string): string | null {
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
