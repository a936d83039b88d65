import { addDays, daysBetween, type Day } from './days.js';
import type { MetricCatalog } from './metric-catalog.js';
import type { MetricDef } from './metrics.js';

/**
 * What is worth celebrating and what has gone quiet, from plain numbers: the pure half of the
 * digests' celebrations and of the "ossification" trap (seed 003: KPIs nobody looks at).
 */

const NEW_APPROACH = /(\btr(y|ied|ying)\b|\bnew\b|\btest(ed|ing)?\b|\bexperiment|\bpilot|試|新し|新規の?(トーク|手法|やり方)|チャレンジ|挑戦|テスト|工夫|変えて|変更して)/iu;

/**
 * Whether a note says a new approach was tried (rule 4: praise the attempt):
 * `isNewApproachNote("tried a shorter opener")` → true; `isNewApproachNote("新しいトークを試した")` → true.
 */
export function isNewApproachNote(note: string | null): boolean {
  return note !== null && NEW_APPROACH.test(note);
}

const MILESTONES = [5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 250, 300, 365];

/** Streak lengths worth a mention in the channel: 5, 10, 15, 20, 30, … workdays. */
export function isStreakMilestone(days: number): boolean {
  return MILESTONES.includes(days) || (days > 365 && days % 50 === 0);
}

export interface Improvement {
  readonly userId: string;
  readonly before: number;
  readonly recent: number;
  /** Relative rise: 0.5 for +50%. */
  readonly rise: number;
}

/**
 * The most improved person: the largest relative rise from one stretch to the next, at least
 * `minRise` and from a base of at least `minBase` (a rise from 1 to 3 is not a story).
 * `mostImproved([{ userId: "U1", before: 40, recent: 60 }])` → U1, +50%.
 */
export function mostImproved(people: readonly { userId: string; before: number; recent: number }[], minBase = 10, minRise = 0.2): Improvement | null {
  let best: Improvement | null = null;
  for (const p of people) {
    if (p.before < minBase) continue;
    const rise = (p.recent - p.before) / p.before;
    if (rise >= minRise && (!best || rise > best.rise)) best = { ...p, rise };
  }
  return best;
}

/**
 * What must be logged for a KPI to be alive: a rate needs its base (0 churns in a month is good news,
 * not silence, but no calls logged is); a fewer-is-better count needs nothing; a snapshot carries its
 * last value forward and says how old it is, so it is never silent.
 */
function mustBeLogged(def: MetricDef, catalog: MetricCatalog): MetricDef[] {
  const inputs = def.formula ? [catalog.def(def.formula.denominator)] : [def];
  return inputs.filter((d) => d.kind === 'flow' && d.better === 'higher');
}

/** A logged metric nobody fed for a while, and the KPIs with targets that rest on it. */
export interface QuietInput {
  readonly metric: MetricDef;
  readonly kpis: readonly MetricDef[];
}

/**
 * The logged metrics behind targeted KPIs that nobody logged for `days` days up to `asOf`
 * (ossification, seed 003: a KPI no one feeds is one no one looks at). A rate is never "unlogged"
 * itself: its base is. `lastLogged` holds each metric's last day with an entry.
 */
export function quietInputs(targeted: readonly MetricDef[], lastLogged: ReadonlyMap<string, Day>, asOf: Day, catalog: MetricCatalog, days = 14): QuietInput[] {
  const since = addDays(asOf, -(days - 1));
  const out = new Map<string, { metric: MetricDef; kpis: MetricDef[] }>();
  for (const kpi of new Set(targeted)) {
    for (const input of mustBeLogged(kpi, catalog)) {
      const last = lastLogged.get(input.key);
      if (last !== undefined && daysBetween(last, since) <= 0) continue;
      const entry = out.get(input.key) ?? { metric: input, kpis: [] };
      if (!entry.kpis.includes(kpi)) entry.kpis.push(kpi);
      out.set(input.key, entry);
    }
  }
  return [...out.values()];
}

/** A reading from one period to the next: a KPI's value per workday, or a stage's conversion. */
export interface Movement<K> {
  readonly key: K;
  readonly before: number;
  readonly after: number;
}

/**
 * What worked best from one period to the next: the largest relative rise, at least `minRise`, from
 * a base above zero; null when nothing rose that much. The month-end review's "what worked".
 * `bestRise([{ key: "calls", before: 40, after: 48 }, { key: "meetings", before: 2, after: 3 }])` → meetings, +50%.
 */
export function bestRise<K>(movements: readonly Movement<K>[], minRise = 0.05): (Movement<K> & { readonly rise: number }) | null {
  let best: (Movement<K> & { rise: number }) | null = null;
  for (const m of movements) {
    if (!(m.before > 0)) continue;
    const rise = (m.after - m.before) / m.before;
    if (rise >= minRise && (!best || rise > best.rise)) best = { ...m, rise };
  }
  return best;
}
