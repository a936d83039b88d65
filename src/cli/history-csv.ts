import { createHash, type Hash } from 'node:crypto';
import { candidateEncodings, csvRecords, isDecodingError, lineOfRecord, type CsvEncoding, type CsvRecord } from './csv-text.js';
import { parseAmount } from '../commands/amounts.js';
import { parseDateWord } from '../commands/dates.js';
import { dayInZone, type Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { CSV_HEADER, handoffCell, parseHandoffCell } from '../reports/csv.js';
import { foldName, type HistoryRow } from '../store/index.js';

/** A problem with the file: the line it is on (0 when it is the file as a whole) and what it is. */
export interface CsvProblem {
  readonly line: number;
  readonly reason: string;
}

/** A problem found while reading: the record it is in (its line is looked up only then). */
interface RecordProblem {
  readonly record: number;
  readonly reason: string;
}

/** What reading the whole file found: every row good, or the first problem. */
export type CsvCheck =
  | { readonly ok: true; readonly rows: number; readonly contentHash: string; readonly encoding: CsvEncoding }
  | ({ readonly ok: false } & CsvProblem);

/** Thrown by `historyRows` when the file no longer reads as it did when checked. */
export class CsvChanged extends Error {}

/** The columns an import reads, by name; `name` (a person's name, which an export adds) is for people only. */
const COLUMNS = ['date', 'user_id', 'name', 'metric', 'value', 'note', 'logged_at', 'handoff', 'client'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['date', 'user_id', 'metric', 'value'];

/** Where each column is in a row, or why the header cannot be read. */
type Layout = { readonly ok: true; readonly at: Readonly<Partial<Record<Column, number>>>; readonly width: number; readonly minWidth: number } | ({ readonly ok: false } & RecordProblem);

/**
 * Reads the header. The first form, `date,user_id,metric,value[,note[,logged_at]]`, is read by
 * position as it always was (a row may carry note and logged_at without the header naming them);
 * any other header names its columns, in any order: the four above, and `name`, `note`, `logged_at`, `handoff`.
 */
function layoutOf(head: CsvRecord): Layout {
  const names = head.cells.map((c) => c.trim().toLowerCase());
  if (CSV_HEADER.slice(0, 4).every((name, i) => names[i] === name) && !names.includes('name')) {
    return { ok: true, at: { date: 0, user_id: 1, metric: 2, value: 3, note: 4, logged_at: 5, handoff: 6, client: 7 }, width: CSV_HEADER.length, minWidth: 4 };
  }
  const at: Partial<Record<Column, number>> = {};
  for (const [i, name] of names.entries()) {
    if (!(COLUMNS as readonly string[]).includes(name) || at[name as Column] !== undefined) {
      return { ok: false, record: head.index, reason: `the header must start with date,user_id,metric,value, or name its columns (${COLUMNS.join(', ')}); “${head.cells[i]}” is not one of them` };
    }
    at[name as Column] = i;
  }
  const missing = REQUIRED.filter((c) => at[c] === undefined);
  if (missing.length > 0) return { ok: false, record: head.index, reason: `the header must start with date,user_id,metric,value (found ${head.cells.join(',')})` };
  return { ok: true, at, width: names.length, minWidth: Math.max(...REQUIRED.map((c) => at[c]!)) + 1 };
}

/** The last calendar day anywhere on Earth (UTC+14): no one's history goes past it. */
const latestToday = (now: Date): Day => dayInZone(now, 'Pacific/Kiritimati');

/** What rows are read with: the workspace's metrics and its client engagements by folded name. */
export type Reading = Pick<Bounds, 'catalog' | 'clients'>;

/** What every row is checked against: the time of the import, the last day anywhere on Earth then, and the workspace's metrics. */
interface Bounds {
  readonly now: Date;
  readonly today: Day;
  readonly catalog: MetricCatalog;
  /** The workspace's client engagements by folded name: a row's `client` names one of them. */
  readonly clients: ReadonlyMap<string, number>;
}

/** A row checked, and what it adds to the file's digest: its values as read, in a fixed form. */
function readRow(cells: readonly string[], layout: Extract<Layout, { ok: true }>, { now, today, catalog, clients }: Bounds): { row: HistoryRow; canonical: string } | string {
  const cell = (c: Column) => (layout.at[c] === undefined ? '' : (cells[layout.at[c]!] ?? '').trim());
  const [date, userId, metricWord, valueText, note, loggedAtText] = [cell('date'), cell('user_id'), cell('metric'), cell('value'), cell('note'), cell('logged_at')];
  const dateWord = parseDateWord(date);
  if (!dateWord || !dateWord.ok || dateWord.spec.kind !== 'day') return `date “${date}” is not a date in the form YYYY-MM-DD`;
  const day = dateWord.spec.day;
  if (day > today) return `date ${day} is in the future; history can be imported up to today`;
  if (!/^[UW][A-Z0-9]{2,}$/u.test(userId)) return `user_id “${userId}” is not a Slack user ID (like U012AB3CD)`;
  const def = catalog.resolve(metricWord);
  if (!def) {
    const near = catalog.suggest(metricWord).map((d) => d.key);
    return `metric “${metricWord}” is not one we know${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`;
  }
  if (def.kind === 'rate') return `metric “${metricWord}” is computed from other metrics and cannot be imported`;
  const metric = def.key;
  const amount = parseAmount(valueText.normalize('NFKC'));
  if (!amount || amount.percent || !Number.isInteger(amount.value)) return `value “${valueText}” is not a whole number`;
  if (def.dailyMax !== null && amount.value > def.dailyMax) return `value ${amount.value} is more than a day can hold for ${metric} (${def.dailyMax})`;
  let loggedAt = now;
  if (loggedAtText) {
    loggedAt = new Date(loggedAtText);
    if (Number.isNaN(loggedAt.getTime())) return `logged_at “${loggedAtText}” is not an ISO 8601 time`;
    if (loggedAt > now) return `logged_at “${loggedAtText}” is in the future`;
  }
  const handoff = parseHandoffCell(cell('handoff'));
  if (handoff === undefined) return `handoff “${cell('handoff')}” is not to:USER_ID or from:USER_ID (like to:U012AB3CD)`;
  if (handoff?.userId === userId) return `handoff ${cell('handoff')} names the person who logged the row`;
  const client = cell('client');
  const engagement = client === '' ? null : (clients.get(foldName(client)) ?? null);
  if (client !== '' && engagement === null) return `client “${client}” is not a client engagement of this workspace (start it with /kpi client add ${client})`;
  const row: HistoryRow = { day, userId, metric, value: amount.value, note: note || null, loggedAt, handoff, engagement };
  // A row without a handoff or a client adds what it always did, so files imported before those columns keep their digest.
  const canonical = [day, userId, metric, amount.value, note, loggedAtText ? loggedAt.toISOString() : '', ...(handoff || client ? [handoffCell(handoff)] : []), ...(client ? [foldName(client)] : [])].join('\u001f');
  return { row, canonical };
}

/**
 * The rows of a history file in one encoding, each checked, while `digest` takes in their
 * canonical form (the same rows give the same digest whatever the encoding, line ends or quoting).
 * Yields a problem and stops at the first bad row.
 */
async function* rowsIn(path: string, encoding: CsvEncoding, now: Date, reading: Reading, digest: Hash): AsyncGenerator<HistoryRow | RecordProblem> {
  let layout: Layout | null = null;
  const bounds: Bounds = { now, today: latestToday(now), ...reading };
  for await (const record of csvRecords(path, encoding)) {
    if (layout === null) {
      layout = layoutOf(record);
      if (!layout.ok) {
        yield layout;
        return;
      }
      continue;
    }
    if (record.cells.length < layout.minWidth || record.cells.length > layout.width) {
      yield { record: record.index, reason: `expected ${layout.minWidth === layout.width ? layout.width : `${layout.minWidth} to ${layout.width}`} columns, found ${record.cells.length}` };
      return;
    }
    const read = readRow(record.cells, layout, bounds);
    if (typeof read === 'string') {
      yield { record: record.index, reason: read };
      return;
    }
    digest.update(`${read.canonical}\n`);
    yield read.row;
  }
  if (layout === null) yield { record: 1, reason: `the file is empty; it needs the header ${CSV_HEADER.join(',')}` };
}

const isProblem = (x: HistoryRow | RecordProblem): x is RecordProblem => 'reason' in x;

/** A CSV that csv-parse cannot read, as a problem on its line. */
function malformed(error: unknown): CsvProblem | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('CSV_')) return null;
  return { line: (error as { lines?: number }).lines ?? 0, reason: `the CSV is malformed: ${(error as Error).message}` };
}

/**
 * Reads a whole history file once, without keeping it: its encoding (UTF-8, else Shift-JIS, or
 * what its BOM says), how many rows, the digest of their content, or the first problem with its
 * line number.
 */
export async function checkHistoryCsv(path: string, now: Date, reading: Reading): Promise<CsvCheck> {
  for (const encoding of await candidateEncodings(path)) {
    const digest = createHash('sha256');
    let rows = 0;
    try {
      for await (const item of rowsIn(path, encoding, now, reading, digest)) {
        if (isProblem(item)) return { ok: false, line: await lineOfRecord(path, encoding, item.record), reason: item.reason };
        rows += 1;
      }
    } catch (error) {
      if (isDecodingError(error)) continue;
      const problem = malformed(error);
      if (problem) return { ok: false, ...problem };
      throw error;
    }
    return { ok: true, rows, contentHash: digest.digest('hex'), encoding };
  }
  return {
    ok: false,
    line: 0,
    reason: 'the file is neither UTF-8 nor Shift-JIS (what Excel saves as “CSV UTF-8” and, in Japanese, as “CSV”); save it as CSV UTF-8 and import it again',
  };
}

/**
 * The rows of a file `checkHistoryCsv` found good, read again as they are stored: never all in
 * memory. Throws `CsvChanged` if the file no longer reads the same (a bad row, another digest).
 */
export async function* historyRows(path: string, checked: Extract<CsvCheck, { ok: true }>, now: Date, reading: Reading): AsyncGenerator<HistoryRow> {
  const digest = createHash('sha256');
  for await (const item of rowsIn(path, checked.encoding, now, reading, digest)) {
    if (isProblem(item)) throw new CsvChanged(`line ${await lineOfRecord(path, checked.encoding, item.record)}: ${item.reason}`);
    yield item;
  }
  if (digest.digest('hex') !== checked.contentHash) throw new CsvChanged('its rows are not the ones checked');
}
