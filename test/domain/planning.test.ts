import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_DEFAULTS, perWorkday, planProblem, reversePlan, type PlanInput } from '../../src/domain/planning.js';

const SEED: PlanInput = { revenue: 7_000_000, avgDealSize: 140_000, winRate: 0.5, meetingRate: 0.2, workdays: 19 };

const planOf = (input: PlanInput) => {
  const result = reversePlan(input);
  if (!result.ok) throw new Error(`unexpected problem ${result.problem.code}`);
  return result.value;
};

describe('reversePlan', () => {
  it('works back from ¥7,000,000 at ¥140,000 a deal to the seed tree’s 50 wins, 100 meetings and 500 calls', () => {
    expect(planOf(SEED)).toMatchObject({ wins: 50, meetings: 100, calls: 500 });
  });

  it('spreads each count over the workdays, rounded up', () => {
    expect(planOf(SEED)).toMatchObject({ winsPerWorkday: 3, meetingsPerWorkday: 6, callsPerWorkday: 27 });
    expect(planOf({ ...SEED, workdays: 20 })).toMatchObject({ winsPerWorkday: 3, meetingsPerWorkday: 5, callsPerWorkday: 25 });
  });

  it('does not turn floating error into an extra deal, meeting or call', () => {
    // In doubles 21 ÷ 0.7 is 30.000000000000004 and 145 ÷ 0.29 is 500.00000000000006.
    expect(Math.ceil(21 / 0.7)).toBe(31);
    expect(planOf({ revenue: 21, avgDealSize: 1, winRate: 0.7, meetingRate: 1, workdays: 0 }).meetings).toBe(30);
    expect(planOf({ revenue: 145, avgDealSize: 1, winRate: 1, meetingRate: 0.29, workdays: 0 }).calls).toBe(500);
    expect(planOf({ revenue: 7_000_000, avgDealSize: 140_000, winRate: 0.5, meetingRate: 0.2, workdays: 0 })).toMatchObject({ wins: 50, meetings: 100, calls: 500 });
  });

  it('rounds a part deal, meeting or call up to a whole one', () => {
    expect(planOf({ revenue: 10_000_000, avgDealSize: 300_000, winRate: 0.3, meetingRate: 0.15, workdays: 19 })).toEqual({
      wins: 34,
      meetings: 114,
      calls: 760,
      winsPerWorkday: 2,
      meetingsPerWorkday: 6,
      callsPerWorkday: 40,
    });
  });

  it('leaves the per-workday figures empty for a period with no workdays', () => {
    expect(planOf({ ...SEED, workdays: 0 })).toMatchObject({ winsPerWorkday: null, meetingsPerWorkday: null, callsPerWorkday: null });
  });

  it('with the defaults, ¥10,000,000 takes 20 wins, 100 meetings and 500 calls', () => {
    expect(planOf({ revenue: 10_000_000, ...PLAN_DEFAULTS, workdays: 20 })).toMatchObject({ wins: 20, meetings: 100, calls: 500, callsPerWorkday: 25 });
  });

  it('always plans enough, and never a whole count more: the counts cover the goal at the given rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 1_000, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 260 }),
        (revenue, avgDealSize, winPercent, meetingPercent, workdays) => {
          const input = { revenue, avgDealSize, winRate: winPercent / 100, meetingRate: meetingPercent / 100, workdays };
          const plan = planOf(input);
          const slack = 1e-6;
          expect(plan.wins * avgDealSize).toBeGreaterThanOrEqual(revenue * (1 - slack));
          expect(plan.meetings * input.winRate).toBeGreaterThanOrEqual(plan.wins * (1 - slack));
          expect(plan.calls * input.meetingRate).toBeGreaterThanOrEqual(plan.meetings * (1 - slack));
          // …and not more than one whole count beyond what is needed.
          expect((plan.wins - 1) * avgDealSize).toBeLessThan(revenue);
          if (workdays > 0) expect(plan.callsPerWorkday! * workdays).toBeGreaterThanOrEqual(plan.calls);
        },
      ),
    );
  });
});

describe('plan inputs are checked, and a problem is a value, not an exception', () => {
  it('a revenue or deal size of 0 or less is a problem', () => {
    expect(reversePlan({ ...SEED, revenue: 0 })).toEqual({ ok: false, problem: { code: 'amountNotPositive', field: 'revenue', value: 0 } });
    expect(reversePlan({ ...SEED, avgDealSize: -5 })).toEqual({ ok: false, problem: { code: 'amountNotPositive', field: 'avgDealSize', value: -5 } });
  });

  it('a rate must be above 0 and at most 1 (100%)', () => {
    expect(planProblem({ ...SEED, winRate: 0 })).toEqual({ code: 'rateOutOfRange', field: 'winRate', value: 0 });
    expect(planProblem({ ...SEED, meetingRate: 20 })).toEqual({ code: 'rateOutOfRange', field: 'meetingRate', value: 20 });
    expect(planProblem({ ...SEED, winRate: 1, meetingRate: 1 })).toBeNull();
  });

  it('workdays must be a whole number, 0 or more', () => {
    expect(planProblem({ ...SEED, workdays: -1 })).toEqual({ code: 'workdaysInvalid', value: -1 });
    expect(planProblem({ ...SEED, workdays: 2.5 })).toEqual({ code: 'workdaysInvalid', value: 2.5 });
  });

  it('a number that is not finite is a problem too', () => {
    expect(planProblem({ ...SEED, revenue: Number.NaN })?.code).toBe('amountNotPositive');
    expect(planProblem({ ...SEED, avgDealSize: Number.POSITIVE_INFINITY })?.code).toBe('amountNotPositive');
    expect(planProblem({ ...SEED, meetingRate: Number.NaN })?.code).toBe('rateOutOfRange');
  });
});

describe('perWorkday', () => {
  it('rounds a share of a count up to a whole one', () => {
    expect(perWorkday(500, 19)).toBe(27);
    expect(perWorkday(500, 20)).toBe(25);
    expect(perWorkday(500, 0)).toBeNull();
  });
});

describe('PLAN_DEFAULTS', () => {
  it('are the seeds’ example figures: ¥500,000 a deal, 20% win rate, 20% meeting rate', () => {
    expect(PLAN_DEFAULTS).toEqual({ avgDealSize: 500_000, winRate: 0.2, meetingRate: 0.2 });
  });
});
