import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, day } from '../../src/domain/days.js';
import { PERIOD_KINDS, nextPeriod, parsePeriodWord, periodContains, periodOf, previousPeriod } from '../../src/domain/periods.js';

const anyDay = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays(day('2000-01-01'), n));

describe('periodOf', () => {
  it('a day is its own period', () => {
    expect(periodOf(day('2026-11-20'), 'day')).toEqual({ kind: 'day', start: '2026-11-20', end: '2026-11-20' });
  });

  it('a week runs Monday to Sunday, so a Sunday belongs to the week that started six days before', () => {
    expect(periodOf(day('2026-11-20'), 'week')).toEqual({ kind: 'week', start: '2026-11-16', end: '2026-11-22' });
    expect(periodOf(day('2026-11-22'), 'week')).toEqual({ kind: 'week', start: '2026-11-16', end: '2026-11-22' });
    expect(periodOf(day('2026-11-23'), 'week')).toEqual({ kind: 'week', start: '2026-11-23', end: '2026-11-29' });
  });

  it('a week may straddle two years', () => {
    expect(periodOf(day('2027-01-01'), 'week')).toEqual({ kind: 'week', start: '2026-12-28', end: '2027-01-03' });
  });

  it('a month runs from the 1st to its last day, leap Februaries included', () => {
    expect(periodOf(day('2026-11-20'), 'month')).toEqual({ kind: 'month', start: '2026-11-01', end: '2026-11-30' });
    expect(periodOf(day('2028-02-10'), 'month')).toEqual({ kind: 'month', start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf(day('2026-12-31'), 'month')).toEqual({ kind: 'month', start: '2026-12-01', end: '2026-12-31' });
  });

  it('quarters are calendar quarters: Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec', () => {
    expect(periodOf(day('2026-02-14'), 'quarter')).toEqual({ kind: 'quarter', start: '2026-01-01', end: '2026-03-31' });
    expect(periodOf(day('2026-04-01'), 'quarter')).toEqual({ kind: 'quarter', start: '2026-04-01', end: '2026-06-30' });
    expect(periodOf(day('2026-09-30'), 'quarter')).toEqual({ kind: 'quarter', start: '2026-07-01', end: '2026-09-30' });
    expect(periodOf(day('2026-11-20'), 'quarter')).toEqual({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31' });
  });

  it('a year runs January to December', () => {
    expect(periodOf(day('2026-11-20'), 'year')).toEqual({ kind: 'year', start: '2026-01-01', end: '2026-12-31' });
  });

  it('every period contains the day it was asked for, and every day of it gives the same period back', () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom(...PERIOD_KINDS), (d, kind) => {
        const p = periodOf(d, kind);
        expect(periodContains(p, d)).toBe(true);
        expect(periodOf(p.start, kind)).toEqual(p);
        expect(periodOf(p.end, kind)).toEqual(p);
      }),
    );
  });
});

describe('previousPeriod and nextPeriod', () => {
  it('the period before January is December of the year before', () => {
    expect(previousPeriod(periodOf(day('2027-01-15'), 'month'))).toEqual({ kind: 'month', start: '2026-12-01', end: '2026-12-31' });
    expect(previousPeriod(periodOf(day('2027-02-15'), 'quarter'))).toEqual({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31' });
    expect(previousPeriod(periodOf(day('2026-11-23'), 'week'))).toEqual({ kind: 'week', start: '2026-11-16', end: '2026-11-22' });
  });

  it('the period after December is January of the next year', () => {
    expect(nextPeriod(periodOf(day('2026-12-15'), 'month'))).toEqual({ kind: 'month', start: '2027-01-01', end: '2027-01-31' });
  });

  it('the previous period ends the day before, and the next one starts the day after', () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom(...PERIOD_KINDS), (d, kind) => {
        const p = periodOf(d, kind);
        expect(previousPeriod(p).end).toBe(addDays(p.start, -1));
        expect(nextPeriod(p).start).toBe(addDays(p.end, 1));
        expect(nextPeriod(previousPeriod(p))).toEqual(p);
      }),
    );
  });
});

describe('parsePeriodWord', () => {
  const cases: [string, string][] = [
    ['day', 'day'], ['daily', 'day'], ['日', 'day'], ['日次', 'day'], ['毎日', 'day'],
    ['week', 'week'], ['weekly', 'week'], ['週', 'week'], ['週次', 'week'], ['毎週', 'week'],
    ['month', 'month'], ['monthly', 'month'], ['月', 'month'], ['月次', 'month'], ['毎月', 'month'], ['月間', 'month'],
    ['quarter', 'quarter'], ['q', 'quarter'], ['四半期', 'quarter'],
    ['year', 'year'], ['annual', 'year'], ['yearly', 'year'], ['年', 'year'], ['年間', 'year'],
  ];
  it.each(cases)('"%s" names a %s', (word, kind) => {
    expect(parsePeriodWord(word)).toBe(kind);
  });

  it('reads any case and full-width letters', () => {
    expect(parsePeriodWord('Monthly')).toBe('month');
    expect(parsePeriodWord('ＷＥＥＫ')).toBe('week');
    expect(parsePeriodWord('Ｑ')).toBe('quarter');
    expect(parsePeriodWord(' day ')).toBe('day');
  });

  it('an unknown word names no period', () => {
    expect(parsePeriodWord('fortnight')).toBeNull();
    expect(parsePeriodWord('')).toBeNull();
    expect(parsePeriodWord('calls')).toBeNull();
  });
});

