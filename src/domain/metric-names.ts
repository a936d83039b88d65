import { distance } from 'fastest-levenshtein';
import { DERIVED, DERIVED_METRICS, LOGGED, LOGGED_METRICS, isLoggedMetric, type MetricKey } from './metrics.js';

/**
 * Folds the ways one name is typed into one form: full-width to half-width, case, spaces,
 * hyphens, underscores and middle dots. `normalizeName("Ride-Alongs")` → `"ridealongs"`.
 */
export function normalizeName(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_・.]/gu, '');
}

function buildIndex(): Map<string, MetricKey> {
  const index = new Map<string, MetricKey>();
  const add = (name: string, key: MetricKey) => {
    const folded = normalizeName(name);
    if (folded && !index.has(folded)) index.set(folded, key);
  };
  for (const key of [...LOGGED_METRICS, ...DERIVED_METRICS]) metricNames(key).forEach((n) => add(n, key));
  return index;
}

const NAME_INDEX = buildIndex();

/** Every name a metric answers to: its key, labels, English singular and aliases. */
export function metricNames(key: MetricKey): readonly string[] {
  if (isLoggedMetric(key)) {
    const def = LOGGED[key];
    return [key, def.label.en, def.label.ja, def.singular, ...def.aliases];
  }
  const def = DERIVED[key];
  return [key, def.label.en, def.label.ja, ...def.aliases];
}

/** The longest name in words, so a parser knows how many tokens a name may span ("deals won"). */
export const MAX_NAME_WORDS = Math.max(
  ...[...LOGGED_METRICS, ...DERIVED_METRICS].flatMap(metricNames).map((a) => a.split(/\s+/u).length),
);

/**
 * The metric a typed word names, in either language, or null.
 * `resolveMetric("架電数")` → `"calls"`; `resolveMetric("Appts")` → `"meetings"`.
 */
export function resolveMetric(word: string): MetricKey | null {
  const folded = normalizeName(word);
  if (!folded) return null;
  const direct = NAME_INDEX.get(folded);
  if (direct) return direct;
  // 「架電件数」「商談の数」: a counting suffix on a known name still names it.
  const stripped = folded.replace(/(件数|の数|数|件)$/u, '');
  return stripped && stripped !== folded ? (NAME_INDEX.get(stripped) ?? null) : null;
}

/**
 * Up to `limit` metrics whose names are close to a mistyped word, nearest first, in either language.
 * `suggestMetrics("cals")` → `["calls"]`.
 */
export function suggestMetrics(word: string, limit = 3): MetricKey[] {
  const folded = normalizeName(word);
  if (!folded) return [];
  const best = new Map<MetricKey, number>();
  for (const [name, key] of NAME_INDEX) {
    let d = distance(folded, name);
    if (folded.length >= 3 && (name.startsWith(folded) || folded.startsWith(name))) d = Math.min(d, 1);
    const prior = best.get(key);
    if (prior === undefined || d < prior) best.set(key, d);
  }
  const allowed = folded.length <= 2 ? 1 : folded.length <= 5 ? 2 : 3;
  const nearest = Math.min(...best.values());
  return [...best.entries()]
    .filter(([, d]) => d <= allowed && d <= Math.max(nearest, 1))
    .sort((a, b) => a[1] - b[1])
    .slice(0, limit)
    .map(([key]) => key);
}
