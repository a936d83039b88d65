import { isDamage } from './errors.js';
import type { Queryable } from './sql.js';

/** How many problems `quick_check` lists at most: enough to see the extent, short enough to read. */
const MAX_PROBLEMS = 20;

/** `PRAGMA quick_check` found the file damaged: the bot does not start on it, `kpi-bot check` lists the problems. */
export class DamagedDatabaseError extends Error {
  readonly code = 'SQLITE_CORRUPT';
  constructor(readonly problems: readonly string[]) {
    super(`the database is damaged: ${problems[0] ?? 'quick_check failed'}`);
  }
}

/**
 * SQLite's `quick_check`: every page and record readable and well formed (indexes are not compared
 * with their tables, which `integrity_check` does at many times the cost). Returns the problems it
 * found, none for a sound file. A check that cannot even read the file reports that as its problem.
 */
export async function quickCheck(db: Queryable): Promise<string[]> {
  try {
    const rows = await db.all<{ quick_check: string }>(`PRAGMA quick_check(${MAX_PROBLEMS})`);
    const problems = rows.map((r) => r.quick_check.replace(/\s+/gu, ' ').trim());
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } catch (error) {
    if (!isDamage(error)) throw error;
    return [(error as Error).message];
  }
}
