import { BUILT_IN_METRICS } from '../../src/domain/builtin-metrics.js';
import { MetricCatalog } from '../../src/domain/metric-catalog.js';
import type { MetricDef } from '../../src/domain/metrics.js';
import { flowTotals, type Totals } from '../../src/domain/rates.js';

/** The catalog every new workspace starts with. */
export const BUILT_INS = new MetricCatalog(BUILT_IN_METRICS);

/** A built-in definition by key: `def("calls")`. */
export const def = (key: string): MetricDef => BUILT_INS.def(key);

/** Flow totals as a test writes them: `totals({ calls: 40, meetings: 3 })`. */
export const totals = (values: Record<string, number>): Totals => flowTotals(values);

const isDef = (v: unknown): v is MetricDef => typeof v === 'object' && v !== null && 'key' in v && 'kind' in v && 'label' in v && 'formula' in v;

/**
 * A value with every metric definition in it replaced by its key, so a test states what it expects
 * as plainly as a person reads it: `{ metric: 'calls', value: 45 }`.
 */
export function keyed<T>(value: T): unknown {
  if (isDef(value)) return value.key;
  if (Array.isArray(value)) return value.map(keyed);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, keyed(v)]));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyed(v)]));
  }
  return value;
}
