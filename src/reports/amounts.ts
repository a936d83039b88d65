import { addDays, type Day } from '../domain/days.js';
import { LOGGED, LOGGED_METRICS, metricLabel, metricUnit, type LoggedMetric, type MetricKey } from '../domain/metrics.js';
import type { Totals } from '../domain/rates.js';
import { formatDay, formatNumber, formatPercent, formatYen, messages, type Locale } from '../i18n/index.js';

/** A metric's value as a reader says it: `"45 calls"`, `"架電 45件"`, `"¥1,200,000"`, `"売上 120万円"`, `"20%"`. */
export function formatAmount(metric: MetricKey, value: number, locale: Locale): string {
  const unit = metricUnit(metric);
  if (unit === 'ratio') return formatPercent(value, locale);
  if (unit === 'currency') {
    const money = formatYen(value, locale);
    return locale === 'ja' && metric === 'revenue' ? `売上 ${money}` : money;
  }
  const def = LOGGED[metric as LoggedMetric];
  const n = formatNumber(value, locale);
  if (locale === 'ja') return `${def.label.ja} ${n}${def.counterJa}`;
  return `${n} ${value === 1 ? def.singular : def.label.en}`;
}

/** Just the number in the metric's unit, for tables: `"45"`, `"¥1,200,000"`, `"20%"`. */
export function formatValue(metric: MetricKey, value: number, locale: Locale): string {
  const unit = metricUnit(metric);
  if (unit === 'ratio') return formatPercent(value, locale);
  if (unit === 'currency') return formatYen(value, locale);
  return formatNumber(value, locale);
}

/** A metric's name with the other language's beside it, for suggestions: `"calls (架電)"`. */
export function bilingualName(metric: MetricKey, locale: Locale): string {
  const other: Locale = locale === 'en' ? 'ja' : 'en';
  return `${metricLabel(metric, locale)} (${metricLabel(metric, other)})`;
}

/** Totals in the canonical metric order, nothing for metrics with no entry. */
export function totalsInOrder(totals: Totals): { metric: LoggedMetric; value: number }[] {
  return LOGGED_METRICS.filter((m) => totals[m] !== undefined).map((m) => ({ metric: m, value: totals[m]! }));
}

/** Several amounts in one line: `"45 calls · 3 meetings"` / `"架電 45件・商談 3件"`. */
export function formatItems(items: readonly { metric: MetricKey; value: number }[], locale: Locale): string {
  return items.map((i) => formatAmount(i.metric, i.value, locale)).join(messages(locale).itemSeparator);
}

/** A day seen from today: `"today (Sun 22 Nov)"`, `"昨日(11月21日(土))"`, or just the date. */
export function formatWhen(d: Day, today: Day, locale: Locale): string {
  const t = messages(locale);
  const date = formatDay(d, locale);
  if (d === today) return locale === 'ja' ? `${t.today}(${date})` : `${t.today} (${date})`;
  if (d === addDays(today, -1)) return locale === 'ja' ? `${t.yesterday}(${date})` : `${t.yesterday} (${date})`;
  return date;
}
