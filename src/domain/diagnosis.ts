import type { Better } from './metrics.js';
import { median } from './funnel.js';

/**
 * Why a KPI is under its pace or was missed (seed 003's table, 「KPIと営業代行どちらに問題がある?」):
 * the KPI's design (a target far from anything recent, or a KPI tied to nothing the team steers by),
 * execution (one person's numbers fell while the team's held, or one stage's conversion fell while
 * the others held), or the market (most people's numbers fell at once). Plain numbers in, a cause out.
 */

/** A target is far from history past this multiple of the best of the last periods (seed 001, SMART: achievable). */
export const FAR_FROM_HISTORY = 1.5;
/** A person's or a stage's reading has fallen when it is this much under its own baseline. */
export const DROP = 0.2;
/** A stage holds while it stays within this of its baseline. */
export const HOLD = 0.1;
/** "Most people": this share of those with a baseline, and at least two of them. */
export const MOST = 0.6;
/** A target re-set from history aims a little above the best period: a stretch, not a leap. */
export const STRETCH = 1.1;

/** One person's reading of a KPI: this period (per workday for a count, the rate itself for a rate) and their own baseline. */
export interface Move {
  readonly userId: string;
  readonly current: number | null;
  readonly baseline: number | null;
}

/** One funnel stage's conversion, this period and over the baseline, by the stage's rate key. */
export interface StageMove {
  readonly key: string;
  readonly current: number | null;
  readonly baseline: number | null;
}

export interface DiagnosisInput {
  readonly better: Better;
  /** The period's target of the subject (a person's, or the team's total). */
  readonly target: number;
  /** The subject's actuals in the last whole periods (three months), oldest first; null where nothing was logged. */
  readonly history: readonly (number | null)[];
  /** Whether the KPI is in the team's tree or its funnel: tied to the KGI. */
  readonly linked: boolean;
  /** Whose KPI it is: a person, or null for the team. */
  readonly subject: string | null;
  /** Everyone in the team who works the KPI, the subject included. */
  readonly people: readonly Move[];
  /** The subject's funnel stages (the team's, or the person's own). */
  readonly stages: readonly StageMove[];
}

export type Diagnosis =
  | { readonly cause: 'design'; readonly why: 'farFromHistory'; readonly best: number; readonly suggested: number }
  | { readonly cause: 'design'; readonly why: 'notLinked' }
  | { readonly cause: 'market'; readonly fell: number; readonly of: number; readonly change: number }
  | { readonly cause: 'execution'; readonly why: 'people'; readonly people: readonly (Move & { readonly change: number })[]; readonly of: number }
  | { readonly cause: 'execution'; readonly why: 'stage'; readonly stage: StageMove & { readonly change: number } }
  | { readonly cause: null };

/** The relative change from a baseline: −0.25 for a quarter under it; null without both. */
export function change(current: number | null, baseline: number | null): number | null {
  return current === null || baseline === null || baseline <= 0 ? null : (current - baseline) / baseline;
}

/** Whether a reading fell at least `DROP` under its baseline. `fell({ current: 7, baseline: 10 })` → true. */
export function fell(m: { current: number | null; baseline: number | null }): boolean {
  const c = change(m.current, m.baseline);
  return c !== null && c <= -DROP;
}

/**
 * The target's design, when it is far above the best recent period: 60 meetings against a best of
 * 36 is more than 1.5×. A target re-set from that history is the best period stretched by a tenth.
 * Null while the target is within reach of what was done, or there is no history to read.
 */
export function farFromHistory(target: number, history: readonly (number | null)[], better: Better): { best: number; suggested: number } | null {
  if (better !== 'higher') return null;
  const known = history.filter((h): h is number => h !== null && h > 0);
  if (known.length === 0) return null;
  const best = Math.max(...known);
  return target > FAR_FROM_HISTORY * best ? { best, suggested: best * STRETCH } : null;
}

/**
 * The likely cause of a KPI under pace or missed, checked in the seed's order: design first (a
 * target no recent period came near, or a KPI tied to neither the tree nor the funnel), then the
 * market (most people with a baseline fell at once, at least two), then execution (the subject, or a
 * minority of the team, fell while the rest held; or one stage fell while the others held).
 * `{ cause: null }` when none of these shows.
 * `diagnose({ target: 60, history: [30, 36, 33], … })` → design, best 36.
 */
export function diagnose(input: DiagnosisInput): Diagnosis {
  const far = farFromHistory(input.target, input.history, input.better);
  if (far) return { cause: 'design', why: 'farFromHistory', ...far };
  if (!input.linked) return { cause: 'design', why: 'notLinked' };

  const measured = input.people.filter((p) => change(p.current, p.baseline) !== null);
  const fallen = measured.filter(fell).map((p) => ({ ...p, change: change(p.current, p.baseline)! }));
  const subjectFell = input.subject === null ? fallen.length > 0 : fallen.some((p) => p.userId === input.subject);
  if (subjectFell && fallen.length >= 2 && fallen.length >= MOST * measured.length) {
    return { cause: 'market', fell: fallen.length, of: measured.length, change: median(fallen.map((p) => p.change))! };
  }
  if (subjectFell && fallen.length <= measured.length / 2) {
    const people = input.subject === null ? fallen : fallen.filter((p) => p.userId === input.subject);
    return { cause: 'execution', why: 'people', people: [...people].sort((a, b) => a.change - b.change), of: measured.length };
  }

  const stages = input.stages.flatMap((s) => {
    const c = change(s.current, s.baseline);
    return c === null ? [] : [{ ...s, change: c }];
  });
  const fallenStages = stages.filter((s) => s.change <= -DROP);
  if (fallenStages.length === 1 && stages.filter((s) => s.change <= -HOLD).length === 1) return { cause: 'execution', why: 'stage', stage: fallenStages[0]! };
  return { cause: null };
}
