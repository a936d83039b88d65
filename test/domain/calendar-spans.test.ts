/**
 * Workdays of a span are worked out once per calendar and span and remembered: the remembered
 * answer must be the day-by-day one for any calendar (weekdays, holidays, closures), whichever
 * object holds the calendar, and whatever was asked before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWorkdays, isWorkday, workdaysBetween, type WorkCalendar } from '../../src/domain/calendar.js';
import { addDays, day, type Day } from '../../src/domain/days.js';

const START = day('2026-10-01');
const dayArb = fc.integer({ min: 0, max: 200 }).map((n) => addDays(START, n));
const calendarArb: fc.Arbitrary<WorkCalendar> = fc.record({
  workdays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
  holidays: fc.constantFrom('jp' as const, 'none' as const),
  closed: fc.array(fc.tuple(dayArb, fc.integer({ min: 0, max: 10 })).map(([from, n]) => ({ from, to: addDays(from, n) })), { maxLength: 3 }),
});

/** The workdays of a span, one day at a time. */
function walked(from: Day, to: Day, cal: WorkCalendar): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d, cal)) out.push(d);
  return out;
}

describe('workdays of a span, remembered per calendar', () => {
  it('equal the day-by-day count for any calendar and span, asked in any order and by any copy of the calendar', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(calendarArb, dayArb, dayArb), { minLength: 1, maxLength: 20 }), (asks) => {
        for (const [cal, a, b] of asks) {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const expected = walked(from, to, cal);
          expect(workdaysBetween(from, to, cal)).toEqual(expected);
          // A copy of the same calendar, and the span asked again, give the same answer.
          expect(countWorkdays(from, to, { ...cal, workdays: [...cal.workdays] })).toBe(expected.length);
          expect(countWorkdays(to, from, cal)).toBe(from === to ? expected.length : 0);
        }
      }),
      { seed: 20_261_203, numRuns: 200 },
    );
  });

  it('tells calendars apart that differ only in a closure', () => {
    const jp: WorkCalendar = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' };
    expect(countWorkdays(day('2026-12-01'), day('2026-12-31'), jp)).toBe(23);
    expect(countWorkdays(day('2026-12-01'), day('2026-12-31'), { ...jp, closed: [{ from: day('2026-12-29'), to: day('2026-12-31') }] })).toBe(20);
    expect(countWorkdays(day('2026-12-01'), day('2026-12-31'), { ...jp, holidays: 'none' })).toBe(23);
    expect(countWorkdays(day('2026-11-01'), day('2026-11-30'), { ...jp, holidays: 'none' })).toBe(21);
    expect(countWorkdays(day('2026-11-01'), day('2026-11-30'), jp)).toBe(19);
  });
});
