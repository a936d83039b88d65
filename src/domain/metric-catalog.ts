import { distance } from 'fastest-levenshtein';
import { isLogged, isRate, metricNames, normalizeName, type MetricDef } from './metrics.js';

/**
 * A workspace's metric definitions, indexed by key and by every name people type for them, in either
 * language. Retired metrics stay known (their history still reads) but are not offered or listed.
 */
export class MetricCatalog {
  private readonly byKey: ReadonlyMap<string, MetricDef>;
  private readonly byName: ReadonlyMap<string, MetricDef>;
  /** Active definitions in their listing order. */
  readonly all: readonly MetricDef[];
  /** Active flows and snapshots: what people log. */
  readonly logged: readonly MetricDef[];
  /** Active rates. */
  readonly rates: readonly MetricDef[];
  /** Retired definitions: their history still reads, nothing new is logged. */
  readonly retired: readonly MetricDef[];
  /** The longest name in words, so a parser knows how many tokens a name may span ("deals won"). */
  readonly maxNameWords: number;

  constructor(defs: readonly MetricDef[]) {
    this.byKey = new Map(defs.map((d) => [d.key, d]));
    const byName = new Map<string, MetricDef>();
    // Active definitions claim their names first, so a retired metric never shadows a live one.
    for (const def of [...defs.filter((d) => !d.retired), ...defs.filter((d) => d.retired)]) {
      for (const name of metricNames(def)) {
        const folded = normalizeName(name);
        if (folded && !byName.has(folded)) byName.set(folded, def);
      }
    }
    this.byName = byName;
    this.all = defs.filter((d) => !d.retired);
    this.logged = this.all.filter(isLogged);
    this.rates = this.all.filter(isRate);
    this.retired = defs.filter((d) => d.retired);
    // A name with a middle dot ("新規・既存") spans two words once the log's separators become spaces.
    this.maxNameWords = Math.max(1, ...defs.flatMap(metricNames).map((n) => n.trim().split(/[\s・]+/u).length));
  }

  /** The definition of a key, retired or not; undefined for a key the workspace never had. */
  get(key: string): MetricDef | undefined {
    return this.byKey.get(key);
  }

  /** The definition of a key the store handed back: a key it holds is always defined. */
  def(key: string): MetricDef {
    const def = this.byKey.get(key);
    if (!def) throw new Error(`metric “${key}” has no definition in this workspace`);
    return def;
  }

  /**
   * The metric a typed word names, in either language, or null.
   * `resolve("架電数")` → calls; `resolve("Appts")` → meetings.
   */
  resolve(word: string): MetricDef | null {
    const folded = normalizeName(word);
    if (!folded) return null;
    const direct = this.byName.get(folded);
    if (direct) return direct;
    // 「架電件数」「商談の数」: a counting suffix on a known name still names it.
    const stripped = folded.replace(/(件数|の数|数|件)$/u, '');
    return stripped && stripped !== folded ? (this.byName.get(stripped) ?? null) : null;
  }

  /**
   * Up to `limit` active metrics whose names are close to a mistyped word, nearest first.
   * `suggest("cals")` → [calls].
   */
  suggest(word: string, limit = 3): MetricDef[] {
    const folded = normalizeName(word);
    if (!folded) return [];
    const best = new Map<MetricDef, number>();
    for (const [name, def] of this.byName) {
      if (def.retired) continue;
      let d = distance(folded, name);
      if (folded.length >= 3 && (name.startsWith(folded) || folded.startsWith(name))) d = Math.min(d, 1);
      const prior = best.get(def);
      if (prior === undefined || d < prior) best.set(def, d);
    }
    if (best.size === 0) return [];
    const allowed = folded.length <= 2 ? 1 : folded.length <= 5 ? 2 : 3;
    const nearest = Math.min(...best.values());
    return [...best.entries()]
      .filter(([, d]) => d <= allowed && d <= Math.max(nearest, 1))
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([def]) => def);
  }

  /** The active rate whose formula is exactly `to ÷ from` (one metric over another): how a funnel stage is named. */
  rateOf(to: string, from: string): MetricDef | null {
    return this.rates.find((r) => r.formula!.numerator.length === 1 && r.formula!.numerator[0] === to && r.formula!.denominator === from) ?? null;
  }

  /** The definitions that use a metric in their formula. */
  usersOf(key: string): MetricDef[] {
    return this.all.filter((d) => d.formula && (d.formula.numerator.includes(key) || d.formula.denominator === key));
  }
}
