/**
 * Metric definitions as data: what a team counts and how each number is formed. A workspace starts
 * with the built-in definitions (`builtin-metrics.ts`) and its managers add and revise their own;
 * every label means one formula everywhere it appears.
 */

/**
 * How a metric's period value is formed: a flow is summed over the period (calls in a week); a
 * snapshot is its latest logged value, carried forward with its date (the open pipeline, the
 * customers in charge); a rate is computed from other metrics by its formula, never logged.
 */
export type MetricKind = 'flow' | 'snapshot' | 'rate';

/** How a value reads: a count, an amount of money, a percentage (rates), or a score out of a scale. */
export type Unit = 'count' | 'currency' | 'percent' | 'score';

/** Which way is good: more calls is better, fewer churns is better. */
export type Better = 'higher' | 'lower';

export interface Labels {
  readonly en: string;
  readonly ja: string;
}

/** Where a rate reads a snapshot in its denominator: as the period starts (customers at period start) or as it ends. */
export type SnapshotAt = 'start' | 'end';

/**
 * A rate's formula: the sum of the numerator's metrics ÷ the denominator, from the period's values
 * (flows summed, snapshots at the period's end, or at its start where `denominatorAt` says so).
 */
export interface Formula {
  readonly numerator: readonly string[];
  readonly denominator: string;
  readonly denominatorAt: SnapshotAt;
}

export interface MetricDef {
  /** Canonical key: what the store, CSV and targets use. */
  readonly key: string;
  readonly kind: MetricKind;
  readonly unit: Unit;
  /** Display names: English plural, Japanese noun. */
  readonly label: Labels;
  /** English singular, for "1 call". */
  readonly singular: string;
  /** Japanese counter word written after the number (件, 通, 回); empty for currency and rates. */
  readonly counterJa: string;
  /** Words people type, besides the key and the labels. */
  readonly aliases: readonly string[];
  /** A day's value above this is surely a typo; null for rates. */
  readonly dailyMax: number | null;
  readonly better: Better;
  /** Set for rates only. */
  readonly formula: Formula | null;
  /** The top of a score's scale (CSAT 5.0); null otherwise. */
  readonly outOf: number | null;
  readonly builtIn: boolean;
  /** Retired metrics keep their history but take no new logs or targets. */
  readonly retired: boolean;
}

/** A metric people log: a flow or a snapshot. */
export const isLogged = (def: MetricDef): boolean => def.kind !== 'rate';

/** A rate: computed from other metrics, never logged. */
export const isRate = (def: MetricDef): def is MetricDef & { readonly formula: Formula } => def.kind === 'rate' && def.formula !== null;

/**
 * Folds the ways one name is typed into one form: full-width to half-width, case, spaces,
 * hyphens, underscores, middle dots and control characters. `normalizeName("Ride-Alongs")` → `"ridealongs"`.
 */
export function normalizeName(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_・.\p{Cc}]/gu, '');
}

/** Every name a metric answers to: its key, labels, English singular and aliases. */
export function metricNames(def: MetricDef): readonly string[] {
  return [def.key, def.label.en, def.label.ja, def.singular, ...def.aliases].filter((n) => n.length > 0);
}

/** The logged metrics a metric rests on: itself, or a rate's inputs (numerator first). */
export function inputsOf(def: MetricDef): string[] {
  return def.formula ? [...def.formula.numerator, def.formula.denominator] : [def.key];
}
