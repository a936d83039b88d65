import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkday, type WorkCalendar } from '../../src/domain/calendar.js';
import { addDays, day, type Day } from '../../src/domain/days.js';
import { workdayStreak } from '../../src/domain/streaks.js';

const MON_FRI: WorkCalendar = { workdays: [1, 2, 3, 4, 5], holidays: 'none' };
const JP: WorkCalendar = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' };
const days = (...list: string[]): ReadonlySet<Day> => new Set(list.map(day));

describe('workdayStreak: consecutive workdays with a log', () => {
  it('counts today and the workdays before it that have a log', () => {
    expect(workdayStreak(days('2026-11-18', '2026-11-19', '2026-11-20'), day('2026-11-20'), MON_FRI)).toBe(3);
  });

  it('starts at the previous workday while today has no log yet', () => {
    expect(workdayStreak(days('2026-11-18', '2026-11-19'), day('2026-11-20'), MON_FRI)).toBe(2);
  });

  it('is 0 when neither today nor the previous workday has a log', () => {
    expect(workdayStreak(days('2026-11-17', '2026-11-18'), day('2026-11-20'), MON_FRI)).toBe(0);
    expect(workdayStreak(new Set(), day('2026-11-20'), MON_FRI)).toBe(0);
  });

  it('stops at the first workday without a log', () => {
    expect(workdayStreak(days('2026-11-16', '2026-11-18', '2026-11-19', '2026-11-20'), day('2026-11-20'), MON_FRI)).toBe(3);
  });

  it('steps over the weekend: Friday and Monday are consecutive workdays', () => {
    expect(workdayStreak(days('2026-11-19', '2026-11-20', '2026-11-23'), day('2026-11-23'), MON_FRI)).toBe(3);
  });

  it('on a Saturday counts back from Friday', () => {
    expect(workdayStreak(days('2026-11-19', '2026-11-20'), day('2026-11-21'), MON_FRI)).toBe(2);
  });

  it('a log on a day off neither extends nor breaks the run', () => {
    expect(workdayStreak(days('2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'), day('2026-11-23'), MON_FRI)).toBe(2);
    expect(workdayStreak(days('2026-11-21'), day('2026-11-21'), MON_FRI)).toBe(0);
    expect(workdayStreak(days('2026-11-21', '2026-11-22'), day('2026-11-23'), MON_FRI)).toBe(0);
  });

  it('steps over a public holiday in the team’s calendar (2026-11-23 in Japan)', () => {
    expect(workdayStreak(days('2026-11-20', '2026-11-24'), day('2026-11-24'), JP)).toBe(2);
    expect(workdayStreak(days('2026-11-20', '2026-11-24'), day('2026-11-24'), MON_FRI)).toBe(1);
  });

  it('follows the team’s own workdays (Sunday to Thursday)', () => {
    const sunThu: WorkCalendar = { workdays: [7, 1, 2, 3, 4], holidays: 'none' };
    // Thu 19, then Fri and Sat off, then Sun 22.
    expect(workdayStreak(days('2026-11-19', '2026-11-22'), day('2026-11-22'), sunThu)).toBe(2);
  });

  it('is 0 for a calendar without workdays', () => {
    expect(workdayStreak(days('2026-11-20'), day('2026-11-20'), { workdays: [], holidays: 'none' })).toBe(0);
  });

  it('counts a long run across months and years', () => {
    const logged = new Set<Day>();
    for (let d = day('2025-12-01'); d <= day('2026-02-27'); d = addDays(d, 1)) logged.add(d);
    // Mon–Fri from Mon 1 Dec 2025 to Fri 27 Feb 2026: 65 workdays.
    expect(workdayStreak(logged, day('2026-02-27'), MON_FRI)).toBe(65);
  });

  it('never exceeds the number of logged workdays, and logging today never lowers it', () => {
    const start = day('2026-10-01');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 60 }), fc.integer({ min: 0, max: 60 }), (offsets, todayOffset) => {
        const logged = new Set(offsets.map((o) => addDays(start, o)));
        const today = addDays(start, todayOffset);
        const streak = workdayStreak(logged, today, JP);
        const loggedWorkdays = [...logged].filter((d) => d <= today && isWorkday(d, JP)).length;
        expect(streak).toBeLessThanOrEqual(loggedWorkdays);
        expect(workdayStreak(new Set([...logged, today]), today, JP)).toBeGreaterThanOrEqual(streak);
      }),
    );
  });
});
