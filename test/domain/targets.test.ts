import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWorkdays, isWorkday, workdaysBetween, type WorkCalendar } from '../../src/domain/calendar.js';
import { addDays, day, type Day } from '../../src/domain/days.js';
import { periodOf, type Period } from '../../src/domain/periods.js';
import { compoundedShare, flowTarget, periodTarget, stepOn, type TargetSchedule } from '../../src/domain/targets.js';
import { def } from '../harness/metrics.js';

const JP: WorkCalendar = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' };
const NOVEMBER: Period = periodOf(day('2026-11-01'), 'month');
const steady = (value: number, period: 'day' | 'week' | 'month' | 'year', from = '2026-10-01'): TargetSchedule => [{ value, period, effectiveFrom: day(from) }];
const target = (key: string, schedule: TargetSchedule, period: Period, asOf = period.end) => periodTarget(def(key), [schedule], period, asOf, JP).value;

describe('targets restated for another period, workday by workday', () => {
  it('a day target is per workday: 50 calls a day is 950 over November’s 19 workdays, 200 over the 4-workday week of the 23rd', () => {
    expect(target('calls', steady(50, 'day'), NOVEMBER)).toBe(950);
    expect(target('calls', steady(50, 'day'), periodOf(day('2026-11-23'), 'week'))).toBe(200);
  });

  it('a day target asks nothing of a day off, and a month target nothing of a holiday', () => {
    expect(periodTarget(def('calls'), [steady(50, 'day')], periodOf(day('2026-11-23'), 'week'), day('2026-11-29'), { workdays: [], holidays: 'none' }).value).toBe(0);
    expect(target('calls', steady(1900, 'month'), periodOf(day('2026-11-23'), 'day'))).toBe(0);
  });

  it('a month target spreads over its workdays: 1,900 a month is 400 in the 4-workday week of the 23rd and 100 on a workday', () => {
    expect(target('calls', steady(1900, 'month'), NOVEMBER)).toBe(1900);
    expect(target('calls', steady(1900, 'month'), periodOf(day('2026-11-23'), 'week'))).toBe(400);
    expect(target('calls', steady(1900, 'month'), periodOf(day('2026-11-20'), 'day'))).toBe(100);
  });

  it('a week target counts each week at its own workdays: 10 visits a week is 10 in the holiday week of the 23rd too', () => {
    // Nov 2 (5 workdays in its week, Nov 3 a holiday: 4) … each workday takes 10 ÷ its week's workdays.
    expect(target('visits', steady(10, 'week'), periodOf(day('2026-11-23'), 'week'))).toBeCloseTo(10, 9);
    // November: the weeks of 2, 9, 16 and 23 whole (40), and Monday 30 of the week of the 30th (2).
    expect(target('visits', steady(10, 'week'), NOVEMBER)).toBeCloseTo(42, 9);
  });

  it('the days of a month share out the month target exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 11 }), (value, monthIndex) => {
        const month = periodOf(addDays(day('2026-01-15'), monthIndex * 30), 'month');
        let sum = 0;
        for (let d: Day = month.start; d <= month.end; d = addDays(d, 1)) sum += target('calls', steady(value, 'month', '2025-12-01'), periodOf(d, 'day'))!;
        expect(sum).toBeCloseTo(value, 6);
      }),
    );
  });

  it('a rate and a snapshot hold as set in any period: a 20% win rate is 20% in a week', () => {
    const week = periodOf(day('2026-11-23'), 'week');
    expect(target('win_rate', steady(0.2, 'month'), week)).toBe(0.2);
    expect(target('pipeline', steady(30_000_000, 'month'), week)).toBe(30_000_000);
  });
});

describe('a target changed mid-period counts each day at the target in force that day', () => {
  // Calls 50 a day from Monday 16 November; 10 a day from Friday the 20th.
  const changed: TargetSchedule = [
    { value: 50, period: 'day', effectiveFrom: day('2026-11-16') },
    { value: 10, period: 'day', effectiveFrom: day('2026-11-20') },
  ];
  const week = periodOf(day('2026-11-16'), 'week');

  it('the week is 4 × 50 + 10 = 210, not 50 × 5 nor 10 × 5', () => {
    expect(flowTarget(changed, week.start, week.end, week.end, JP)).toBe(210);
    expect(periodTarget(def('calls'), [changed], week, week.end, JP)).toEqual({ value: 210, expected: 210, stated: null });
  });

  it('seen from Thursday, the week is still 250 and the pace 200: a change is not known before it is made', () => {
    expect(periodTarget(def('calls'), [changed], week, day('2026-11-19'), JP)).toEqual({ value: 250, expected: 200, stated: null });
  });

  it('the month before the first step counts nothing for those days', () => {
    // 10 workdays before the 16th (3rd a holiday) have no target; then 4 × 50 and 6 × 10 (23rd a holiday).
    expect(target('calls', changed, NOVEMBER)).toBe(4 * 50 + 6 * 10);
  });

  it('a target taken away counts nothing from its day on, and no target at all is no target', () => {
    const removed: TargetSchedule = [...changed, { value: null, period: 'day', effectiveFrom: day('2026-11-19') }];
    expect(flowTarget(removed, week.start, week.end, week.end, JP)).toBe(150 + 10);
    expect(stepOn(removed, day('2026-11-19'))).toBeNull();
    expect(periodTarget(def('calls'), [], week, week.end, JP)).toEqual({ value: null, expected: null, stated: null });
  });

  it('a team’s members add up, each by their own history', () => {
    expect(periodTarget(def('calls'), [changed, steady(20, 'day')], week, week.end, JP).value).toBe(210 + 100);
  });

  it('a rate is a team’s only when every member shares it', () => {
    expect(periodTarget(def('win_rate'), [steady(0.2, 'month'), steady(0.2, 'month')], NOVEMBER, NOVEMBER.end, JP).value).toBe(0.2);
    expect(periodTarget(def('win_rate'), [steady(0.2, 'month'), steady(0.3, 'month')], NOVEMBER, NOVEMBER.end, JP).value).toBeNull();
  });
});

describe('a yearly share of the customer base read for a month (seed 001: 年間チャーンレート 5%以下)', () => {
  it('5% a year compounds to about 0.43% a month, not 5% and not 0.42%', () => {
    expect(compoundedShare(0.05, 1 / 12)).toBeCloseTo(0.004265, 5);
  });

  it('a month is judged against the compounded share and says the target as set', () => {
    const t = periodTarget(def('churn_rate'), [steady(0.05, 'year')], NOVEMBER, NOVEMBER.end, JP);
    expect(t.value).toBeCloseTo(1 - 0.95 ** (30 / 365), 9);
    expect(t.stated).toEqual({ value: 0.05, period: 'year' });
  });

  it('the same rate set for the period itself is unchanged', () => {
    expect(periodTarget(def('churn_rate'), [steady(0.05, 'month')], NOVEMBER, NOVEMBER.end, JP)).toEqual({ value: 0.05, expected: null, stated: null });
  });
});

describe('a first target counts for the whole of its own period', () => {
  it('a month target set on the 20th is that month’s target; a day target set then counts from then', () => {
    expect(target('revenue', [{ value: 10_000_000, period: 'month', effectiveFrom: day('2026-11-20') }], NOVEMBER)).toBeCloseTo(10_000_000, 6);
    // 20, 24–27 and 30 November: the six workdays from the 20th (the 23rd is a holiday).
    expect(target('calls', [{ value: 50, period: 'day', effectiveFrom: day('2026-11-20') }], NOVEMBER)).toBe(300);
  });

  it('a later change still counts from its own day', () => {
    const raised: TargetSchedule = [
      { value: 19, period: 'month', effectiveFrom: day('2026-11-20') },
      { value: 38, period: 'month', effectiveFrom: day('2026-11-24') },
    ];
    // 13 workdays before the 20th and the 20th itself at 1 a workday, the 5 from the 24th at 2.
    expect(target('calls', raised, NOVEMBER)).toBeCloseTo(14 + 10, 9);
  });
});

describe('a span under one unchanged target is counted without walking its days', () => {
  // The rule as documented, day by day: each workday at the step in force that day (a later day than
  // asOf at the one in force on asOf), a day step as is, a longer one shared over its period's workdays.
  const walk = (schedule: TargetSchedule, from: Day, to: Day, asOf: Day): number | null => {
    let total: number | null = null;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (!isWorkday(d, JP)) continue;
      const step = stepOn(schedule, d < asOf ? d : asOf);
      if (step === null) continue;
      const p = periodOf(d, step.period);
      total = (total ?? 0) + (step.period === 'day' ? step.value : step.value / countWorkdays(p.start, p.end, JP));
    }
    return total;
  };
  const someDay = fc.integer({ min: 0, max: 500 }).map((n) => addDays(day('2025-10-01'), n));
  const schedules = fc.array(
    fc.record({ value: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }), period: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const, 'year' as const), effectiveFrom: someDay }),
    { minLength: 1, maxLength: 3 },
  );

  it('gives what the day-by-day reading gives, for any schedule, span and day it is seen from', () => {
    fc.assert(
      fc.property(schedules, someDay, fc.integer({ min: 0, max: 120 }), someDay, (schedule, from, length, asOf) => {
        const to = addDays(from, length);
        const expected = walk(schedule, from, to, asOf);
        const got = flowTarget(schedule, from, to, asOf, JP);
        const workdays = workdaysBetween(from, to, JP).length;
        if (workdays === 0) return;
        if (expected === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(expected, 6);
      }),
      { numRuns: 2000, seed: 20261203 },
    );
  });
});
