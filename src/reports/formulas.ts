import { metricLabel } from './amounts.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import { messages, type Locale } from '../i18n/index.js';

/**
 * A rate's definition as a reader sees it, from the one definition the numbers use:
 * `"meeting rate = meetings ÷ calls"`, `"解約率 = 解約 ÷ 期首の担当顧客"`.
 */
export function formatFormula(def: MetricDef, catalog: MetricCatalog, locale: Locale): string {
  return def.formula ? `${metricLabel(def, locale)} = ${formulaBody(def, catalog, locale)}` : metricLabel(def, locale);
}

/** A rate's formula without its name: `"meetings ÷ calls"`, `"(upsells + cross-sells) ÷ customers at the period's start"`. */
export function formulaBody(def: MetricDef, catalog: MetricCatalog, locale: Locale): string {
  const f = def.formula;
  if (!f) return metricLabel(def, locale);
  const t = messages(locale).formulas;
  const name = (key: string) => {
    const d = catalog.get(key);
    return d ? metricLabel(d, locale) : key;
  };
  const top = f.numerator.map(name).join(' + ');
  const denominator = catalog.get(f.denominator);
  const bottom = denominator?.kind === 'snapshot' ? (f.denominatorAt === 'start' ? t.atStart : t.atEnd)({ name: name(f.denominator) }) : name(f.denominator);
  return `${f.numerator.length > 1 ? `(${top})` : top} ÷ ${bottom}`;
}
