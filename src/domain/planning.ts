import { ceilCount } from './rounding.js';

/**
 * Reverse planning (逆算, DOMAIN.md): from a revenue goal back to the activity it takes.
 * revenue ÷ average deal size = wins; ÷ win rate = meetings; ÷ meeting rate = calls; ÷ workdays = a day's work.
 */

export interface PlanInput {
  /** The revenue goal for the period, in the team's currency. */
  readonly revenue: number;
  readonly avgDealSize: number;
  /** wins ÷ meetings, a fraction in (0, 1]. */
  readonly winRate: number;
  /** meetings ÷ calls, a fraction in (0, 1]. */
  readonly meetingRate: number;
  /** Workdays in the period; 0 leaves the per-workday figures empty. */
  readonly workdays: number;
}

/** The activity a revenue goal takes, each count rounded up to a whole one. */
export interface ReversePlan {
  readonly wins: number;
  readonly meetings: number;
  readonly calls: number;
  readonly winsPerWorkday: number | null;
  readonly meetingsPerWorkday: number | null;
  readonly callsPerWorkday: number | null;
}

/** What can be wrong with a plan's inputs, as a value to explain to the person who typed them. */
export type PlanProblem =
  | { readonly code: 'amountNotPositive'; readonly field: 'revenue' | 'avgDealSize'; readonly value: number }
  | { readonly code: 'rateOutOfRange'; readonly field: 'winRate' | 'meetingRate'; readonly value: number }
  | { readonly code: 'workdaysInvalid'; readonly value: number };

export type PlanResult =
  | { readonly ok: true; readonly value: ReversePlan }
  | { readonly ok: false; readonly problem: PlanProblem };

/** Rates and deal size used when a team has no history of its own yet. */
export const PLAN_DEFAULTS = {
  /** ¥500,000: the field-sales template's average deal size (seed 001, 平均受注単価 50万円). */
  avgDealSize: 500_000,
  /** 20%: the field-sales template's win rate per meeting (seed 001, 商談数に対する成約率 20%). */
  winRate: 0.2,
  /** 20%: the example tree's meeting rate of calls (seed 000, KPI1-1-1 商談化率 20%). */
  meetingRate: 0.2,
} as const;

/**
 * The first thing wrong with a plan's inputs, or null: amounts above 0, rates in (0, 1],
 * workdays a whole number ≥ 0. `planProblem({ …, winRate: 1.5 })` → `{ code: "rateOutOfRange", field: "winRate", value: 1.5 }`.
 */
export function planProblem(input: PlanInput): PlanProblem | null {
  for (const field of ['revenue', 'avgDealSize'] as const) {
    const value = input[field];
    if (!(Number.isFinite(value) && value > 0)) return { code: 'amountNotPositive', field, value };
  }
  for (const field of ['winRate', 'meetingRate'] as const) {
    const value = input[field];
    if (!(value > 0 && value <= 1)) return { code: 'rateOutOfRange', field, value };
  }
  if (!(Number.isInteger(input.workdays) && input.workdays >= 0)) return { code: 'workdaysInvalid', value: input.workdays };
  return null;
}

/** A whole count spread over workdays, rounded up; null without workdays: `perWorkday(500, 19)` → `27`. */
export function perWorkday(count: number, workdays: number): number | null {
  return workdays > 0 ? ceilCount(count / workdays) : null;
}

/**
 * Works back from a revenue goal to wins, meetings and calls, and what each workday takes.
 * `reversePlan({ revenue: 7_000_000, avgDealSize: 140_000, winRate: 0.5, meetingRate: 0.2, workdays: 20 })`
 * → 50 wins, 100 meetings, 500 calls; 3 wins, 5 meetings and 25 calls a workday.
 */
export function reversePlan(input: PlanInput): PlanResult {
  const problem = planProblem(input);
  if (problem) return { ok: false, problem };
  const wins = ceilCount(input.revenue / input.avgDealSize);
  const meetings = ceilCount(wins / input.winRate);
  const calls = ceilCount(meetings / input.meetingRate);
  return {
    ok: true,
    value: {
      wins,
      meetings,
      calls,
      winsPerWorkday: perWorkday(wins, input.workdays),
      meetingsPerWorkday: perWorkday(meetings, input.workdays),
      callsPerWorkday: perWorkday(calls, input.workdays),
    },
  };
}
