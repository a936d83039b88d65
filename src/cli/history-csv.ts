import { parse } from 'csv-parse/sync';
import { parseAmount } from '../commands/amounts.js';
import { parseDateWord } from '../commands/dates.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { CSV_HEADER } from '../reports/csv.js';
import type { HistoryRow } from '../store/index.js';

export type ParsedCsv = { ok: true; rows: HistoryRow[] } | { ok: false; line: number; reason: string };

function readRow(cells: readonly string[], importedAt: Date, catalog: MetricCatalog): HistoryRow | string {
  const [date = '', userId = '', metricWord = '', valueText = '', note = '', loggedAtText = ''] = cells.map((c) => c.trim());
  const dateWord = parseDateWord(date);
  if (!dateWord || !dateWord.ok || dateWord.spec.kind !== 'day') return `date “${date}” is not a date in the form YYYY-MM-DD`;
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
  let loggedAt = importedAt;
  if (loggedAtText) {
    loggedAt = new Date(loggedAtText);
    if (Number.isNaN(loggedAt.getTime())) return `logged_at “${loggedAtText}” is not an ISO 8601 time`;
  }
  return { day: dateWord.spec.day, userId, metric, value: amount.value, note: note || null, loggedAt };
}

/**
 * Reads history CSV (`date,user_id,metric,value[,note[,logged_at]]`, with a header line). Every row
 * must be good: the first bad one is reported with its line number and nothing is returned.
 */
export function parseHistoryCsv(text: string, importedAt: Date, catalog: MetricCatalog): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { ok: false, line, reason: `the CSV is malformed: ${(error as Error).message}` };
  }
  const [head, ...body] = records;
  if (!head) return { ok: false, line: 1, reason: `the file is empty; it needs the header ${CSV_HEADER.join(',')}` };
  const names = head.record.map((c) => c.trim().toLowerCase());
  if (CSV_HEADER.slice(0, 4).some((name, i) => names[i] !== name)) {
    return { ok: false, line: head.info.lines, reason: `the header must start with date,user_id,metric,value (found ${head.record.join(',')})` };
  }
  const rows: HistoryRow[] = [];
  for (const { record, info } of body) {
    if (record.length < 4 || record.length > CSV_HEADER.length) {
      return { ok: false, line: info.lines, reason: `expected 4 to 6 columns, found ${record.length}` };
    }
    const row = readRow(record, importedAt, catalog);
    if (typeof row === 'string') return { ok: false, line: info.lines, reason: row };
    rows.push(row);
  }
  return { ok: true, rows };
}
