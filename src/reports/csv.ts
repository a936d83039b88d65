import { stringify } from 'csv-stringify/sync';
import type { ExportedRow, HistoryRow } from '../store/index.js';

/** History as CSV: the columns of `kpi-bot export`, in order (an import needs the first four). */
export const CSV_HEADER = ['date', 'user_id', 'metric', 'value', 'note', 'logged_at'] as const;

/** The columns of `/kpi export`, for people reading it in a spreadsheet: each person's name beside their ID. */
export const CSV_HEADER_WITH_NAMES = ['date', 'user_id', 'name', 'metric', 'value', 'note', 'logged_at'] as const;

/** One CSV line (with its newline) for a row of history. */
export function csvLine(row: HistoryRow): string {
  return stringify([[row.day, row.userId, row.metric, row.value, row.note ?? '', row.loggedAt.toISOString()]]);
}

export function csvHeaderLine(): string {
  return stringify([[...CSV_HEADER]]);
}

/** One line of `/kpi export`: the row with the person's name (empty when Slack never told it). */
export function csvLineWithName(row: ExportedRow): string {
  return stringify([[row.day, row.userId, row.name ?? '', row.metric, row.value, row.note ?? '', row.loggedAt.toISOString()]]);
}

export function csvHeaderLineWithNames(): string {
  return stringify([[...CSV_HEADER_WITH_NAMES]]);
}
