import { isWorkday, previousWorkday, type WorkCalendar } from './calendar.js';
import type { Day } from './days.js';

/**
 * Consecutive workdays with a log, counted back from `today`. A today without a log yet does not
 * break the run (the day is not over): the count then starts at the previous workday. Days off are
 * stepped over, so a log on a Saturday neither breaks nor extends it.
 * With logs on Wed 18, Thu 19 and Fri 20 November 2026 (Mon–Fri, no holiday calendar):
 * `workdayStreak(those, "2026-11-20", cal)` → 3; `workdayStreak(those, "2026-11-23", cal)` → 3 (Monday, nothing yet);
 * `workdayStreak(those, "2026-11-24", cal)` → 0 (Monday went by without one).
 */
export function workdayStreak(loggedDays: ReadonlySet<Day>, today: Day, calendar: WorkCalendar): number {
  let d: Day | null = isWorkday(today, calendar) && loggedDays.has(today) ? today : previousWorkday(today, calendar);
  let streak = 0;
  while (d !== null && loggedDays.has(d)) {
    streak += 1;
    d = previousWorkday(d, calendar);
  }
  return streak;
}
