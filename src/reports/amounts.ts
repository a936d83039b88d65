import { addDays, type Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import type { PeriodKind } from '../domain/periods.js';
import type { Progress } from '../domain/progress.js';
import type { Totals } from '../domain/rates.js';
import { formatDay, formatNumber, formatPercent, formatYen, messages, parenthetical, upperFirst, type Locale } from '../i18n/index.js';

/** A score out of its scale: `"4.5 / 5.0"`. */
function formatScore(def: MetricDef, value: number): string {
  return def.outOf ? `${value.toFixed(1)} / ${def.outOf.toFixed(1)}` : value.toFixed(1);
}

/** A metric's name for a reader: `"calls"`, `"架電"`. */
export const metricLabel = (def: MetricDef, locale: Locale): string => def.label[locale];

/** A metric's name where a line or sentence starts with it: `"Calls"`, `"架電"`. */
export const metricHeading = (def: MetricDef, locale: Locale): string => upperFirst(metricLabel(def, locale));

/**
 * A metric's value as a reader says it: `"45 calls"`, `"架電 45件"`, `"¥1,200,000"`, `"売上 120万円"`,
 * and for rates and scores the name with the value: `"win rate 20%"`, `"受注率 20%"`, `"CSAT 4.5 / 5.0"`.
 */
export function formatAmount(def: MetricDef, value: number, locale: Locale): string {
  if (def.unit === 'percent') return `${metricLabel(def, locale)} ${formatPercent(value, locale)}`;
  if (def.unit === 'score') return `${metricLabel(def, locale)} ${formatScore(def, value)}`;
  if (def.unit === 'currency') {
    const money = formatYen(value, locale);
    return locale === 'ja' || def.key !== 'revenue' ? `${metricLabel(def, locale)} ${money}` : money;
  }
  const n = formatNumber(value, locale);
  if (locale === 'ja') return `${def.label.ja} ${n}${def.counterJa}`;
  return `${n} ${value === 1 ? def.singular : def.label.en}`;
}

/**
 * A number with its unit where the metric is already named: `"130 meetings"` / `"130件"`, `"¥450,000"` /
 * `"45万円"`, `"20%"`, `"4.5 / 5.0"`. In English a count's unit is its name; in Japanese its counter.
 */
export function formatQuantity(def: MetricDef, value: number, locale: Locale): string {
  if (def.unit !== 'count') return formatValue(def, value, locale);
  const n = formatNumber(value, locale);
  if (locale === 'ja') return `${n}${def.counterJa || '件'}`;
  return `${n} ${value === 1 ? def.singular : def.label.en}`;
}

/**
 * A KPI's actual against its target with the unit, for a table line: `"14 / 130件"`, `"14 / 130 meetings"`;
 * the actual alone (`"14件"`) when there is no target above zero to set it beside.
 */
export function formatFigure(def: MetricDef, actual: number | null, target: number | null, locale: Locale): string {
  const a = actual === null ? '–' : formatValue(def, actual, locale);
  if (target === null || target <= 0) return actual === null ? '–' : formatQuantity(def, actual, locale);
  return `${a} / ${formatQuantity(def, target, locale)}`;
}

/** A KPI's line in a list: `"Calls 94 / 1,150 calls (8.2%)"` / `"架電 94 / 1,150件(8.2%)"`; no share where there is no target. */
export function kpiLine(p: Progress, locale: Locale): string {
  const share = p.target !== null && p.target > 0 && p.attainment !== null ? parenthetical(formatPercent(p.attainment, locale), locale) : '';
  return `${metricHeading(p.metric, locale)} ${formatFigure(p.metric, p.actual, p.target, locale)}${share}`;
}

/** Just the number in the metric's unit, for tables: `"45"`, `"¥1,200,000"`, `"20%"`, `"4.5 / 5.0"`. */
export function formatValue(def: MetricDef, value: number, locale: Locale): string {
  if (def.unit === 'percent') return formatPercent(value, locale);
  if (def.unit === 'score') return value.toFixed(1);
  if (def.unit === 'currency') return formatYen(value, locale);
  return formatNumber(value, locale);
}

/** A metric's name with the other language's beside it, for suggestions: `"calls (架電)"`. */
export function bilingualName(def: MetricDef, locale: Locale): string {
  const other: Locale = locale === 'en' ? 'ja' : 'en';
  return def.label[locale] === def.label[other] ? metricLabel(def, locale) : `${metricLabel(def, locale)} (${metricLabel(def, other)})`;
}

/** A period's logged values in the catalog's order, nothing for metrics with no entry. */
export function totalsInOrder(totals: Totals, catalog: MetricCatalog): { metric: MetricDef; value: number }[] {
  const known = catalog.logged.filter((d) => totals.values[d.key] !== undefined);
  // A retired metric's history still shows where it was logged.
  const retired = Object.keys(totals.values).flatMap((k) => {
    const d = catalog.get(k);
    return d && d.retired ? [d] : [];
  });
  return [...known, ...retired].map((d) => ({ metric: d, value: totals.values[d.key]! }));
}

/** Several amounts in one line: `"45 calls · 3 meetings"` / `"架電 45件・商談 3件"`. */
export function formatItems(items: readonly { metric: MetricDef; value: number }[], locale: Locale): string {
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
 * `"at most churn rate 5% a year"`. Rates and scores hold in any period, so they carry none, except
 * shares of a base per period (churn, upsell rate of the customers).
 */
export function formatTarget(def: MetricDef, value: number, period: PeriodKind, locale: Locale): string {
  const t = messages(locale);
  const amount = formatAmount(def, value, locale);
  // A rate holds in any period, unless it is a share of a base per period (churn a year).
  const perPeriod = def.kind !== 'rate' || def.formula?.denominatorAt === 'start';
  const text = perPeriod ? t.perPeriod[period]({ amount }) : amount;
  return def.better === 'lower' ? t.atMost({ amount: text }) : text;
}

/** A progress bar that reads on a phone: `"██████░░░░"` for 0.6; full past 100%. */
export function progressBar(fraction: number | null, cells = 10): string {
  const filled = fraction === null ? 0 : Math.max(0, Math.min(cells, Math.round(fraction * cells)));
  return `${'█'.repeat(filled)}${'░'.repeat(cells - filled)}`;
}
