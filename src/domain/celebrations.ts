import { addDays, daysBetween, type Day } from './days.js';
import { DERIVED, LOGGED, isDerivedMetric, type LoggedMetric, type MetricKey } from './metrics.js';

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

/** The logged metrics a KPI rests on: itself, or a rate's two inputs. */
export function inputsOf(metric: MetricKey): LoggedMetric[] {
  return isDerivedMetric(metric) ? [DERIVED[metric].numerator, DERIVED[metric].denominator] : [metric];
}

/**
 * What must be logged for a KPI to be alive: a rate needs its base (0 churns in a month is good
 * news, not silence, but no accounts logged is); a fewer-is-better count needs nothing.
 */
function mustBeLogged(metric: MetricKey): LoggedMetric[] {
  if (isDerivedMetric(metric)) return [DERIVED[metric].denominator];
  return LOGGED[metric].better === 'lower' ? [] : [metric];
}

/**
 * KPIs with a target whose inputs nobody logged for `days` days up to `asOf` (ossification: a KPI
 * no one feeds is one no one looks at). `lastLogged` holds each metric's last day with an entry.
 */
export function quietKpis(targeted: readonly MetricKey[], lastLogged: ReadonlyMap<LoggedMetric, Day>, asOf: Day, days = 14): MetricKey[] {
  const since = addDays(asOf, -(days - 1));
  return [...new Set(targeted)].filter((metric) =>
    mustBeLogged(metric).some((input) => {
      const last = lastLogged.get(input);
      return last === undefined || daysBetween(last, since) > 0;
    }),
  );
}
