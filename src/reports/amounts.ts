import { addDays, type Day } from '../domain/days.js';
import { DERIVED, LOGGED, LOGGED_METRICS, isDerivedMetric, metricLabel, metricUnit, type LoggedMetric, type MetricKey } from '../domain/metrics.js';
import type { PeriodKind } from '../domain/periods.js';
import type { Totals } from '../domain/rates.js';
import { formatDay, formatNumber, formatPercent, formatYen, messages, type Locale } from '../i18n/index.js';

/** A score out of its scale: `"4.5 / 5.0"`. */
function formatScore(metric: MetricKey, value: number): string {
  const outOf = isDerivedMetric(metric) ? DERIVED[metric].outOf : undefined;
  return outOf ? `${value.toFixed(1)} / ${outOf.toFixed(1)}` : value.toFixed(1);
}

/**
 * A metric's value as a reader says it: `"45 calls"`, `"架電 45件"`, `"¥1,200,000"`, `"売上 120万円"`,
 * and for rates and scores the name with the value: `"win rate 20%"`, `"受注率 20%"`, `"CSAT 4.5 / 5.0"`.
 */
export function formatAmount(metric: MetricKey, value: number, locale: Locale): string {
  const unit = metricUnit(metric);
  if (unit === 'ratio') return `${metricLabel(metric, locale)} ${formatPercent(value, locale)}`;
  if (unit === 'score') return `${metricLabel(metric, locale)} ${formatScore(metric, value)}`;
  if (unit === 'currency') {
    const money = formatYen(value, locale);
    if (isDerivedMetric(metric)) return `${metricLabel(metric, locale)} ${money}`;
    return locale === 'ja' || metric !== 'revenue' ? `${metricLabel(metric, locale)} ${money}` : money;
  }
  const def = LOGGED[metric as LoggedMetric];
  const n = formatNumber(value, locale);
  if (locale === 'ja') return `${def.label.ja} ${n}${def.counterJa}`;
  return `${n} ${value === 1 ? def.singular : def.label.en}`;
}

/** Just the number in the metric's unit, for tables: `"45"`, `"¥1,200,000"`, `"20%"`, `"4.5 / 5.0"`. */
export function formatValue(metric: MetricKey, value: number, locale: Locale): string {
  const unit = metricUnit(metric);
  if (unit === 'ratio') return formatPercent(value, locale);
  if (unit === 'score') return value.toFixed(1);
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
  if (d === today) return t.withDate({ label: t.today, date });
  if (d === addDays(today, -1)) return t.withDate({ label: t.yesterday, date });
  return date;
}

/**
 * A target as a reader says it: `"50 calls a workday"`, `"月 商談 30件"`, `"win rate 20%"`,
 * `"at most churn rate 5%"`. Rates and scores hold in any period, so they carry none.
 */
export function formatTarget(metric: MetricKey, value: number, period: PeriodKind, locale: Locale): string {
  const t = messages(locale);
  const amount = formatAmount(metric, value, locale);
  const unit = metricUnit(metric);
  const text = unit === 'ratio' || unit === 'score' ? amount : t.perPeriod[period]({ amount });
  const lower = isDerivedMetric(metric) ? DERIVED[metric].better === 'lower' : LOGGED[metric as LoggedMetric].better === 'lower';
  return lower ? t.atMost({ amount: text }) : text;
}

/** A progress bar that reads on a phone: `"██████░░░░"` for 0.6; full past 100%. */
export function progressBar(fraction: number | null, cells = 10): string {
  const filled = fraction === null ? 0 : Math.max(0, Math.min(cells, Math.round(fraction * cells)));
  return `${'█'.repeat(filled)}${'░'.repeat(cells - filled)}`;
}
