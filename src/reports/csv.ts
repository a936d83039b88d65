import { stringify } from 'csv-stringify/sync';
import type { HistoryRow } from '../store/index.js';

/** History as CSV: the columns of an export, in order (an import needs the first four). */
export const CSV_HEADER = ['date', 'user_id', 'metric', 'value', 'note', 'logged_at'] as const;

/** One CSV line (with its newline) for a row of history. */
export function csvLine(row: HistoryRow): string {
  return stringify([[row.day, row.userId, row.metric, row.value, row.note ?? '', row.loggedAt.toISOString()]]);
}

export function csvHeaderLine(): string {
  return stringify([[...CSV_HEADER]]);
}

