import { stringify } from 'csv-stringify/sync';
import type { ExportedRow, Handoff } from '../store/index.js';

/** History as CSV: the columns of `kpi-bot export`, in order (an import needs the first four). */
export const CSV_HEADER = ['date', 'user_id', 'metric', 'value', 'note', 'logged_at', 'handoff', 'client'] as const;

/** The columns of `/kpi export`, for people reading it in a spreadsheet: each person's name beside their ID. */
export const CSV_HEADER_WITH_NAMES = ['date', 'user_id', 'name', 'metric', 'value', 'note', 'logged_at', 'handoff', 'client'] as const;

/** A handoff as its cell says it: `to:U0456` (handed to a colleague), `from:U0456` (received), empty for none. */
export function handoffCell(handoff: Handoff | null | undefined): string {
  return handoff ? `${handoff.direction}:${handoff.userId}` : '';
}

/** The handoff a cell names, null for an empty cell, undefined when the cell is not one. */
export function parseHandoffCell(cell: string): Handoff | null | undefined {
  if (cell === '') return null;
  const match = /^(to|from):([UW][A-Z0-9]{2,})$/u.exec(cell);
  return match ? { direction: match[1] as Handoff['direction'], userId: match[2]! } : undefined;
}

/** One CSV line (with its newline) for a row of history. */
export function csvLine(row: ExportedRow): string {
  return stringify([[row.day, row.userId, row.metric, row.value, row.note ?? '', row.loggedAt.toISOString(), handoffCell(row.handoff), row.client ?? '']]);
}

export function csvHeaderLine(): string {
  return stringify([[...CSV_HEADER]]);
}

/** One line of `/kpi export`: the row with the person's name (empty when Slack never told it). */
export function csvLineWithName(row: ExportedRow): string {
  return stringify([[row.day, row.userId, row.name ?? '', row.metric, row.value, row.note ?? '', row.loggedAt.toISOString(), handoffCell(row.handoff), row.client ?? '']]);
}

export function csvHeaderLineWithNames(): string {
  return stringify([[...CSV_HEADER_WITH_NAMES]]);
}
