import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWorkdays, type WorkCalendar } from '../../src/domain/calendar.js';
import { addDays, day, dayInZone, instantAt, type Day } from '../../src/domain/days.js';
import { periodOf, type Period } from '../../src/domain/periods.js';
import {
  attainment,
  ceilCount,
  convertsWithWorkdays,
  elapsedWorkdays,
  expectedByNow,
  forecast,
  isReached,
  neededPerWorkday,
  periodTarget,
  periodTotals,
  periodValue,
  progress,
  remainingWorkdays,
  targetForPeriod,
  totalWorkdays,
} from '../../src/domain/progress.js';

const JP: WorkCalendar = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' };
const MON_FRI: WorkCalendar = { workdays: [1, 2, 3, 4, 5], holidays: 'none' };
const NOVEMBER: Period = periodOf(day('2026-11-01'), 'month');

describe('workdays of a period (November 2026 in Japan: the 3rd and the 23rd are holidays)', () => {
  it('November 2026 has 19 workdays', () => {
    expect(totalWorkdays(NOVEMBER, JP)).toBe(19);
  });

  it('through the end of Thursday the 19th, 13 workdays have passed and 6 remain', () => {
    expect(elapsedWorkdays(NOVEMBER, day('2026-11-19'), JP)).toBe(13);
    expect(remainingWorkdays(NOVEMBER, day('2026-11-19'), JP)).toBe(6);
  });

  it('as of Friday the 20th, the 20th itself has passed: 14 elapsed, 5 remaining', () => {
    expect(elapsedWorkdays(NOVEMBER, day('2026-11-20'), JP)).toBe(14);
    expect(remainingWorkdays(NOVEMBER, day('2026-11-20'), JP)).toBe(5);
  });

  it('before the period nothing has passed, after it nothing remains', () => {
    expect(elapsedWorkdays(NOVEMBER, day('2026-10-31'), JP)).toBe(0);
    expect(remainingWorkdays(NOVEMBER, day('2026-10-31'), JP)).toBe(19);
    expect(elapsedWorkdays(NOVEMBER, day('2026-12-05'), JP)).toBe(19);
    expect(remainingWorkdays(NOVEMBER, day('2026-12-05'), JP)).toBe(0);
  });

  it('the week of Labour Thanksgiving Day (2026-11-23) has 4 workdays in Japan and 5 without holidays', () => {
    const week = periodOf(day('2026-11-23'), 'week');
    expect(totalWorkdays(week, JP)).toBe(4);
    expect(totalWorkdays(week, MON_FRI)).toBe(5);
  });

  it('elapsed and remaining always add up to the period’s workdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 35 }), (offset) => {
        const asOf = addDays(NOVEMBER.start, offset);
        expect(elapsedWorkdays(NOVEMBER, asOf, JP) + remainingWorkdays(NOVEMBER, asOf, JP)).toBe(19);
      }),
    );
  });
});

describe('business days in a zone with daylight saving (America/New_York, DST ends 2026-11-01 at 02:00)', () => {
  const NY = 'America/New_York';

  it('an instant counts for the day on the clock in New York, not the UTC day', () => {
    expect(dayInZone(new Date('2026-11-01T03:59:00Z'), NY)).toBe('2026-10-31');
    expect(dayInZone(new Date('2026-11-01T04:00:00Z'), NY)).toBe('2026-11-01');
    expect(dayInZone(new Date('2026-11-02T04:59:00Z'), NY)).toBe('2026-11-01');
    expect(dayInZone(new Date('2026-11-02T05:00:00Z'), NY)).toBe('2026-11-02');
  });

  it('the first of November is 25 hours long there: midnight moves from UTC−4 to UTC−5', () => {
    expect(instantAt(day('2026-11-01'), 0, NY).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(instantAt(day('2026-11-02'), 0, NY).toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('a Mon–Fri calendar without holidays counts 21 workdays in November, 20 of them through an instant late on Sunday the 29th', () => {
    const asOf = dayInZone(new Date('2026-11-30T04:30:00Z'), NY);
    expect(asOf).toBe('2026-11-29');
    expect(totalWorkdays(NOVEMBER, MON_FRI)).toBe(21);
    expect(elapsedWorkdays(NOVEMBER, asOf, MON_FRI)).toBe(20);
    expect(remainingWorkdays(NOVEMBER, asOf, MON_FRI)).toBe(1);
  });
});

describe('attainment', () => {
  it('is actual ÷ target when more is better', () => {
    expect(attainment(600, 1000, 'higher')).toBe(0.6);
    expect(attainment(1200, 1000, 'higher')).toBe(1.2);
  });

  it('has no value against a target of 0 when more is better', () => {
    expect(attainment(5, 0, 'higher')).toBeNull();
  });

  it('is 1 while a lower-is-better metric stays at or under its target, then target ÷ actual', () => {
    expect(attainment(0.03, 0.05, 'lower')).toBe(1);
    expect(attainment(0.05, 0.05, 'lower')).toBe(1);
    expect(attainment(0.1, 0.05, 'lower')).toBe(0.5);
    expect(attainment(0, 0, 'lower')).toBe(1);
    expect(attainment(2, 0, 'lower')).toBe(0);
  });

  it('never falls when the actual improves', () => {
    const amount = fc.double({ min: 0, max: 1e6, noNaN: true });
    const target = fc.double({ min: 0.001, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(amount, amount, target, (a, b, t) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(attainment(high, t, 'higher')!).toBeGreaterThanOrEqual(attainment(low, t, 'higher')!);
        expect(attainment(low, t, 'lower')!).toBeGreaterThanOrEqual(attainment(high, t, 'lower')!);
      }),
    );
  });

  it('of a lower-is-better metric never exceeds 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, t) => {
        expect(attainment(a, t, 'lower')!).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a target is reached at or above it when more is better, at or under it when less is', () => {
    expect(isReached(1000, 1000, 'higher')).toBe(true);
    expect(isReached(999, 1000, 'higher')).toBe(false);
    expect(isReached(0.05, 0.05, 'lower')).toBe(true);
    expect(isReached(0.06, 0.05, 'lower')).toBe(false);
  });
});

describe('targets across periods', () => {
  it('a day target is per workday: 50 calls a day is 950 over November’s 19 workdays', () => {
    expect(targetForPeriod(50, 'day', NOVEMBER, JP)).toBe(950);
  });

  it('a day target is 200 over the 4-workday week of 2026-11-23', () => {
    expect(targetForPeriod(50, 'day', periodOf(day('2026-11-23'), 'week'), JP)).toBe(200);
  });

  it('a day target asks nothing of a day off', () => {
    expect(targetForPeriod(50, 'day', periodOf(day('2026-11-23'), 'week'), { workdays: [], holidays: 'none' })).toBe(0);
  });

  it('a target for the same kind of period is unchanged', () => {
    expect(targetForPeriod(1000, 'month', NOVEMBER, JP)).toBe(1000);
    expect(targetForPeriod(50, 'day', periodOf(day('2026-11-23'), 'day'), JP)).toBe(50);
  });

  it('a month target spreads over its workdays: 1,900 a month is 400 in the 4-workday week of the 23rd', () => {
    expect(targetForPeriod(1900, 'month', periodOf(day('2026-11-23'), 'week'), JP)).toBe(400);
    expect(targetForPeriod(1900, 'month', periodOf(day('2026-11-20'), 'day'), JP)).toBe(100);
    expect(targetForPeriod(1900, 'month', periodOf(day('2026-11-23'), 'day'), JP)).toBe(0);
  });

  it('a week target grows into a month through the workdays of the week the month starts in', () => {
    // The week of 2026-10-26 has 5 workdays: 10 visits a week is 2 a workday, 38 over November.
    expect(targetForPeriod(10, 'week', NOVEMBER, JP)).toBe(38);
  });

  it('has no value when the target’s own period has no workday to spread it from', () => {
    const onlyMondays: WorkCalendar = { workdays: [1], holidays: 'jp' };
    // The week of the 23rd has only its Monday, a holiday, to work.
    const week = periodOf(day('2026-11-23'), 'week');
    expect(totalWorkdays(week, onlyMondays)).toBe(0);
    // A span with no workday of its own asks for nothing; one with a workday has nothing to scale from.
    expect(targetForPeriod(10, 'week', { kind: 'month', start: day('2026-11-23'), end: day('2026-11-29') }, onlyMondays)).toBe(0);
    expect(targetForPeriod(10, 'week', { kind: 'month', start: day('2026-11-23'), end: day('2026-11-30') }, onlyMondays)).toBeNull();
  });

  it('the days of a month share out the month target exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 11 }), (value, monthIndex) => {
        const month = periodOf(addDays(day('2026-01-15'), monthIndex * 30), 'month');
        let sum = 0;
        for (let d: Day = month.start; d <= month.end; d = addDays(d, 1)) sum += targetForPeriod(value, 'month', periodOf(d, 'day'), JP)!;
        expect(sum).toBeCloseTo(value, 6);
      }),
    );
  });

  it('counts and amounts convert with workdays; rates, scores and the pipeline snapshot do not', () => {
    expect(convertsWithWorkdays('calls')).toBe(true);
    expect(convertsWithWorkdays('revenue')).toBe(true);
    expect(convertsWithWorkdays('win_rate')).toBe(false);
    expect(convertsWithWorkdays('avg_deal_size')).toBe(false);
    expect(convertsWithWorkdays('csat')).toBe(false);
    expect(convertsWithWorkdays('pipeline')).toBe(false);
  });

  it('a 20% win rate is 20% in any period', () => {
    expect(periodTarget('win_rate', 0.2, 'month', periodOf(day('2026-11-23'), 'week'), JP)).toBe(0.2);
    expect(periodTarget('pipeline', 30_000_000, 'month', periodOf(day('2026-11-23'), 'week'), JP)).toBe(30_000_000);
    expect(periodTarget('calls', 50, 'day', NOVEMBER, JP)).toBe(950);
  });
});

describe('pace, forecast and what remains', () => {
  it('expected by now is target × elapsed ÷ total workdays', () => {
    expect(expectedByNow(1000, 13, 19)).toBeCloseTo(684.2105, 4);
    expect(expectedByNow(1000, 0, 19)).toBe(0);
    expect(expectedByNow(1000, 19, 19)).toBe(1000);
  });

  it('a period without workdays has no pace', () => {
    expect(expectedByNow(1000, 0, 0)).toBeNull();
  });

  it('the forecast holds the pace so far to the end of the period', () => {
    expect(forecast(600, 13, 19)).toBeCloseTo(876.923, 3);
  });

  it('there is no forecast before the first workday', () => {
    expect(forecast(0, 0, 19)).toBeNull();
  });

  it('someone exactly on pace is forecast to land on the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 260 }), fc.integer({ min: 1, max: 260 }), (target, a, b) => {
        const [elapsed, total] = a <= b ? [a, b] : [b, a];
        expect(forecast(expectedByNow(target, elapsed, total)!, elapsed, total)).toBeCloseTo(target, 6);
      }),
    );
  });

  it('what is left is spread over the remaining workdays, exactly', () => {
    expect(neededPerWorkday(1000, 600, 6)).toBeCloseTo(66.6667, 4);
    expect(ceilCount(neededPerWorkday(1000, 600, 6)!)).toBe(67);
  });

  it('nothing more is needed once the target is passed', () => {
    expect(neededPerWorkday(1000, 1200, 6)).toBe(0);
  });

  it('no workday remains to spread anything over on the last day', () => {
    expect(neededPerWorkday(1000, 600, 0)).toBeNull();
  });

  it('ceilCount rounds up without counting floating error as a whole extra', () => {
    expect(Math.ceil(145 / 0.29)).toBe(501);
    expect(ceilCount(145 / 0.29)).toBe(500);
    expect(ceilCount(0.1 + 0.2 + 0.7)).toBe(1);
    expect(ceilCount(500.4)).toBe(501);
    expect(ceilCount(1_000_000_000.01)).toBe(1_000_000_001);
    expect(ceilCount(0)).toBe(0);
  });
});

describe('periodValue', () => {
  const d = (text: string) => day(text);

  it('sums a counted metric over the days', () => {
    expect(periodValue('calls', [{ day: d('2026-11-02'), totals: { calls: 40 } }, { day: d('2026-11-04'), totals: { calls: 25 } }])).toBe(65);
  });

  it('a counted metric with no entries is 0', () => {
    expect(periodValue('calls', [{ day: d('2026-11-02'), totals: { meetings: 2 } }])).toBe(0);
  });

  it('takes the pipeline from the last day that has a value, whatever order the days come in', () => {
    const days = [
      { day: d('2026-11-05'), totals: { pipeline: 28_000_000 } },
      { day: d('2026-11-09'), totals: { calls: 30 } },
      { day: d('2026-11-02'), totals: { pipeline: 25_000_000 } },
    ];
    expect(periodValue('pipeline', days)).toBe(28_000_000);
  });

  it('a snapshot never logged in the period has no value', () => {
    expect(periodValue('pipeline', [{ day: d('2026-11-02'), totals: { calls: 3 } }])).toBeNull();
  });

  it('a rate is the ratio of the period’s sums, not the average of daily rates', () => {
    // Daily rates 50% and 0% would average 25%; the period made 1 win from 10 meetings.
    const days = [
      { day: d('2026-11-02'), totals: { wins: 1, meetings: 2 } },
      { day: d('2026-11-04'), totals: { wins: 0, meetings: 8 } },
    ];
    expect(periodValue('win_rate', days)).toBe(0.1);
  });

  it('CSAT is the period’s points over its responses', () => {
    const days = [
      { day: d('2026-11-02'), totals: { csat_points: 9, csat_responses: 2 } },
      { day: d('2026-11-04'), totals: { csat_points: 14, csat_responses: 3 } },
    ];
    expect(periodValue('csat', days)).toBe(4.6);
  });

  it('a rate with nothing to divide by has no value', () => {
    expect(periodValue('churn_rate', [{ day: d('2026-11-02'), totals: { churns: 1 } }])).toBeNull();
  });

  it('periodTotals sums what sums and keeps the latest of what is a snapshot', () => {
    const days = [
      { day: d('2026-11-03'), totals: { calls: 10, pipeline: 8_000_000 } },
      { day: d('2026-11-02'), totals: { calls: 40, pipeline: 9_000_000 } },
    ];
    expect(periodTotals(days)).toEqual({ calls: 50, pipeline: 8_000_000 });
  });
});

describe('progress', () => {
  const calls = (asOf: string, actual: number) =>
    progress({ metric: 'calls', targetValue: 1000, period: NOVEMBER, asOf: day(asOf), actual, calendar: JP });

  it('1,000 calls a month, 600 made through the 19th: 84 under the pace, on course for 877, 67 a day to go', () => {
    const p = calls('2026-11-19', 600);
    expect(p.target).toBe(1000);
    expect(p.attainment).toBe(0.6);
    expect(p.elapsedWorkdays).toBe(13);
    expect(p.totalWorkdays).toBe(19);
    expect(p.expected).toBeCloseTo(684.2105, 4);
    expect(p.paceGap).toBeCloseTo(-84.2105, 4);
    expect(p.forecast).toBeCloseTo(876.923, 3);
    expect(p.remainingWorkdays).toBe(6);
    expect(p.neededPerWorkday).toBeCloseTo(66.6667, 4);
    expect(p.reached).toBe(false);
  });

  it('the same 600 calls through Friday the 20th: 14 workdays passed, 5 left at 80 a day', () => {
    const p = calls('2026-11-20', 600);
    expect(p.elapsedWorkdays).toBe(14);
    expect(p.expected).toBeCloseTo(736.842, 3);
    expect(p.forecast).toBeCloseTo(814.286, 3);
    expect(p.remainingWorkdays).toBe(5);
    expect(p.neededPerWorkday).toBe(80);
  });

  it('a day has no forecast (it would only repeat the actual), but still what it takes to reach the day’s target', () => {
    const today = progress({ metric: 'calls', targetValue: 50, period: periodOf(day('2026-11-20'), 'day'), asOf: day('2026-11-20'), actual: 30, calendar: JP });
    expect(today.forecast).toBeNull();
    expect(today.target).toBe(50);
    expect(today.attainment).toBe(0.6);
    expect(today.paceGap).toBe(-20);
    // A week of five workdays still projects.
    const week = progress({ metric: 'calls', targetValue: 50, targetKind: 'day', period: periodOf(day('2026-11-16'), 'week'), asOf: day('2026-11-17'), actual: 120, calendar: JP });
    expect(week.forecast).toBe(300);
  });

  it('ahead of the pace shows a positive gap', () => {
    expect(calls('2026-11-19', 700).paceGap).toBeCloseTo(15.7895, 4);
  });

  it('a reached target needs nothing more per day', () => {
    const p = calls('2026-11-19', 1000);
    expect(p.reached).toBe(true);
    expect(p.neededPerWorkday).toBeNull();
  });

  it('a day target is judged against its share of the month', () => {
    const p = progress({ metric: 'calls', targetValue: 50, targetKind: 'day', period: NOVEMBER, asOf: day('2026-11-19'), actual: 600, calendar: JP });
    expect(p.target).toBe(950);
    expect(p.expected).toBe(650);
    expect(p.paceGap).toBe(-50);
  });

  it('a rate has attainment but no pace, forecast or daily need', () => {
    const p = progress({ metric: 'win_rate', targetValue: 0.2, period: NOVEMBER, asOf: day('2026-11-19'), actual: 0.25, calendar: JP });
    expect(p).toMatchObject({ target: 0.2, actual: 0.25, attainment: 1.25, expected: null, paceGap: null, forecast: null, neededPerWorkday: null, reached: true });
    expect(p.remainingWorkdays).toBe(6);
  });

  it('a rate with nothing to divide by yet has no attainment and is not reached', () => {
    const p = progress({ metric: 'win_rate', targetValue: 0.2, period: NOVEMBER, asOf: day('2026-11-02'), actual: null, calendar: JP });
    expect(p).toMatchObject({ actual: null, attainment: null, reached: false });
  });

  it('the pipeline is judged on its latest value with no pace', () => {
    const week = periodOf(day('2026-11-23'), 'week');
    const p = progress({ metric: 'pipeline', targetValue: 30_000_000, targetKind: 'month', period: week, asOf: day('2026-11-24'), actual: 24_000_000, calendar: JP });
    expect(p).toMatchObject({ target: 30_000_000, attainment: 0.8, expected: null, forecast: null, neededPerWorkday: null, reached: false });
  });

  it('a churn rate at or under its ceiling is reached', () => {
    const year = periodOf(day('2026-11-19'), 'year');
    const p = progress({ metric: 'churn_rate', targetValue: 0.05, period: year, asOf: day('2026-11-19'), actual: 0.04, calendar: JP });
    expect(p).toMatchObject({ attainment: 1, reached: true });
  });

  it('fewer churns than the pace allows is ahead: the gap is positive', () => {
    const p = progress({ metric: 'churns', targetValue: 19, period: NOVEMBER, asOf: day('2026-11-19'), actual: 10, calendar: JP });
    expect(p.expected).toBe(13);
    expect(p.paceGap).toBe(3);
    expect(p.reached).toBe(true);
    expect(p.neededPerWorkday).toBeNull();
  });

  it('after the period ends nothing remains and the forecast is the actual', () => {
    const p = calls('2026-12-01', 900);
    expect(p.remainingWorkdays).toBe(0);
    expect(p.forecast).toBe(900);
    expect(p.expected).toBe(1000);
    expect(p.neededPerWorkday).toBeNull();
  });

  it('on the first day of the month, before any workday, there is no forecast', () => {
    const p = calls('2026-11-01', 0);
    expect(p.elapsedWorkdays).toBe(0);
    expect(p.forecast).toBeNull();
    expect(p.expected).toBe(0);
    expect(p.neededPerWorkday).toBeCloseTo(1000 / 19, 9);
  });

  it('the workday counts agree with the calendar module', () => {
    expect(calls('2026-11-19', 0).totalWorkdays).toBe(countWorkdays(NOVEMBER.start, NOVEMBER.end, JP));
  });
});
