import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, isoWeekday, type Day } from './days.js';

export type HolidayCalendar = 'jp' | 'none';
export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = ['jp', 'none'];

/** Which days a team works: ISO weekdays (Monday 1 … Sunday 7) and a public-holiday calendar. */
export interface WorkCalendar {
  readonly workdays: readonly number[];
  readonly holidays: HolidayCalendar;
}

export const DEFAULT_WORKDAYS: readonly number[] = [1, 2, 3, 4, 5];

export interface Holiday {
  readonly en: string;
  readonly ja: string;
}

const jpHolidays: Readonly<Record<string, { name: string; name_en: string }>> = holidayJp.holidays;

/** The public holiday on a day in a calendar, or null: `holidayOn("2026-11-23", "jp")` → 勤労感謝の日. */
export function holidayOn(d: Day, calendar: HolidayCalendar): Holiday | null {
  if (calendar !== 'jp') return null;
  const h = jpHolidays[d];
  return h ? { en: h.name_en, ja: h.name } : null;
}

/** Whether a team works on a day: a working weekday that is not a public holiday. */
export function isWorkday(d: Day, cal: WorkCalendar): boolean {
  return cal.workdays.includes(isoWeekday(d)) && holidayOn(d, cal.holidays) === null;
}

/** Workdays from `from` to `to`, both included; 0 when `to` is before `from`. */
export function countWorkdays(from: Day, to: Day, cal: WorkCalendar): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d, cal)) n += 1;
  return n;
}

/**
 * A workday's number in its year, counting from the year's first workday as 1: what turns the
 * wording of a sentence said every workday. `workdayOfYear("2026-01-05", jp Mon–Fri)` → 2.
 */
export function workdayOfYear(d: Day, cal: WorkCalendar): number {
  return countWorkdays(`${d.slice(0, 4)}-01-01` as Day, d, cal);
}

/** The workdays from `from` to `to`, both included, in order. */
export function workdaysBetween(from: Day, to: Day, cal: WorkCalendar): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d, cal)) out.push(d);
  return out;
}

/**
 * The last workday strictly before `d`, looking back at most `horizon` days (a calendar with no
 * workdays has none): `previousWorkday("2026-11-24", jp Mon–Fri)` → `"2026-11-20"`.
 */
export function previousWorkday(d: Day, cal: WorkCalendar, horizon = 366): Day | null {
  for (let i = 1; i <= horizon; i += 1) {
    const candidate = addDays(d, -i);
    if (isWorkday(candidate, cal)) return candidate;
  }
  return null;
}

/** The first workday on or after `d`, looking ahead at most `horizon` days. */
export function nextWorkdayFrom(d: Day, cal: WorkCalendar, horizon = 366): Day | null {
  for (let i = 0; i <= horizon; i += 1) {
    const candidate = addDays(d, i);
    if (isWorkday(candidate, cal)) return candidate;
  }
  return null;
}
