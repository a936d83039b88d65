import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWorkdays, type WorkCalendar } from '../../src/domain/calendar.js';
import { addDays, day, dayInZone, instantAt } from '../../src/domain/days.js';
import { periodOf, type Period } from '../../src/domain/periods.js';
import { attainment, ceilCount, elapsedWorkdays, forecast, isPaced, isReached, neededPerWorkday, progress, remainingWorkdays, totalWorkdays } from '../../src/domain/progress.js';
import { metricValue } from '../../src/domain/rates.js';
import { periodTarget, type TargetSchedule } from '../../src/domain/targets.js';
import { def, totals } from '../harness/metrics.js';

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

describe('pace, forecast and what remains', () => {
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
        expect(forecast((target * elapsed) / total, elapsed, total)).toBeCloseTo(target, 6);
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

  it('flows are paced over workdays; snapshots and rates are not', () => {
    expect(isPaced(def('calls'))).toBe(true);
    expect(isPaced(def('revenue'))).toBe(true);
    expect(isPaced(def('win_rate'))).toBe(false);
    expect(isPaced(def('pipeline'))).toBe(false);
  });
});

describe('a metric’s value in a period', () => {
  it('a flow with no entries is 0, a snapshot never logged has no value', () => {
    expect(metricValue(def('calls'), totals({ meetings: 2 }))).toBe(0);
    expect(metricValue(def('pipeline'), totals({ calls: 3 }))).toBeNull();
  });

  it('a rate is the ratio of the period’s sums, not the average of daily rates', () => {
    // Daily rates 50% and 0% would average 25%; the period made 1 win from 10 meetings.
    expect(metricValue(def('win_rate'), totals({ wins: 1, meetings: 10 }))).toBe(0.1);
  });

  it('CSAT is the period’s points over its responses', () => {
    expect(metricValue(def('csat'), totals({ csat_points: 23, csat_responses: 5 }))).toBe(4.6);
  });

  it('a rate with nothing to divide by has no value', () => {
    expect(metricValue(def('win_rate'), totals({ wins: 1 }))).toBeNull();
  });
});

/** One target from the first of the period on. */
const steady = (value: number, period: 'day' | 'week' | 'month' | 'year', from = '2026-10-01'): TargetSchedule => [{ value, period, effectiveFrom: day(from) }];

describe('progress', () => {
  const calls = (asOf: string, actual: number) => {
    const at = day(asOf);
    return progress({ metric: def('calls'), target: periodTarget(def('calls'), [steady(1000, 'month')], NOVEMBER, at, JP), period: NOVEMBER, asOf: at, actual, calendar: JP });
  };

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
    const period = periodOf(day('2026-11-20'), 'day');
    const today = progress({ metric: def('calls'), target: periodTarget(def('calls'), [steady(50, 'day')], period, day('2026-11-20'), JP), period, asOf: day('2026-11-20'), actual: 30, calendar: JP });
    expect(today.forecast).toBeNull();
    expect(today.target).toBe(50);
    expect(today.attainment).toBe(0.6);
    expect(today.paceGap).toBe(-20);
    // A week of five workdays still projects.
    const week = periodOf(day('2026-11-16'), 'week');
    const w = progress({ metric: def('calls'), target: periodTarget(def('calls'), [steady(50, 'day')], week, day('2026-11-17'), JP), period: week, asOf: day('2026-11-17'), actual: 120, calendar: JP });
    expect(w.forecast).toBe(300);
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
    const p = progress({ metric: def('calls'), target: periodTarget(def('calls'), [steady(50, 'day')], NOVEMBER, day('2026-11-19'), JP), period: NOVEMBER, asOf: day('2026-11-19'), actual: 600, calendar: JP });
    expect(p.target).toBe(950);
    expect(p.expected).toBe(650);
    expect(p.paceGap).toBe(-50);
  });

  it('a rate has attainment but no pace, forecast or daily need', () => {
    const p = progress({ metric: def('win_rate'), target: periodTarget(def('win_rate'), [steady(0.2, 'month')], NOVEMBER, day('2026-11-19'), JP), period: NOVEMBER, asOf: day('2026-11-19'), actual: 0.25, calendar: JP });
    expect(p).toMatchObject({ target: 0.2, actual: 0.25, attainment: 1.25, expected: null, paceGap: null, forecast: null, neededPerWorkday: null, reached: true });
    expect(p.remainingWorkdays).toBe(6);
  });

  it('a rate with nothing to divide by yet has no attainment and is not reached', () => {
    const p = progress({ metric: def('win_rate'), target: periodTarget(def('win_rate'), [steady(0.2, 'month')], NOVEMBER, day('2026-11-02'), JP), period: NOVEMBER, asOf: day('2026-11-02'), actual: null, calendar: JP });
    expect(p).toMatchObject({ actual: null, attainment: null, reached: false });
  });

  it('the pipeline is judged on its latest value with no pace, and says when that value was logged', () => {
    const week = periodOf(day('2026-11-23'), 'week');
    const p = progress({
      metric: def('pipeline'),
      target: periodTarget(def('pipeline'), [steady(30_000_000, 'month')], week, day('2026-11-24'), JP),
      period: week,
      asOf: day('2026-11-24'),
      actual: 24_000_000,
      actualAsOf: day('2026-11-16'),
      calendar: JP,
    });
    expect(p).toMatchObject({ target: 30_000_000, attainment: 0.8, expected: null, forecast: null, neededPerWorkday: null, reached: false, actualAsOf: '2026-11-16' });
  });

  it('fewer churns than the pace allows is ahead: the gap is positive', () => {
    const p = progress({ metric: def('churns'), target: periodTarget(def('churns'), [steady(19, 'month')], NOVEMBER, day('2026-11-19'), JP), period: NOVEMBER, asOf: day('2026-11-19'), actual: 10, calendar: JP });
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
