import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, isoWeekday, type Day } from './days.js';

export type HolidayCalendar = 'jp' | 'none';
export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = ['jp', 'none'];

/** Days from `from` to `to`, both included. */
export interface DayRange {
  readonly from: Day;
  readonly to: Day;
}

/**
 * Which days are worked: ISO weekdays (Monday 1 … Sunday 7), a public-holiday calendar, and days
 * closed besides those (a company's closures such as 年末年始; for one person, also their days off).
 */
export interface WorkCalendar {
  readonly workdays: readonly number[];
  readonly holidays: HolidayCalendar;
  readonly closed?: readonly DayRange[];
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

/** Whether a day falls in one of the ranges: `inRanges("2026-12-30", [{ from: "2026-12-29", to: "2027-01-03" }])` → true. */
export function inRanges(d: Day, ranges: readonly DayRange[] | undefined): boolean {
  return ranges !== undefined && ranges.some((r) => r.from <= d && d <= r.to);
}

/** Whether a day is worked: a working weekday that is neither a public holiday nor closed. */
export function isWorkday(d: Day, cal: WorkCalendar): boolean {
  return cal.workdays.includes(isoWeekday(d)) && holidayOn(d, cal.holidays) === null && !inRanges(d, cal.closed);
}

/** A calendar with more days closed: a team's calendar with one person's days off. */
export function withClosed(cal: WorkCalendar, more: readonly DayRange[]): WorkCalendar {
  return more.length === 0 ? cal : { ...cal, closed: [...(cal.closed ?? []), ...more] };
}

/** One person's calendar: their team's without their days off (pace, remaining workdays and streaks then count the days they work). */
export function withDaysOff(cal: WorkCalendar, daysOff: readonly Day[] | undefined): WorkCalendar {
  return daysOff && daysOff.length > 0 ? withClosed(cal, rangesOf(daysOff)) : cal;
}

/**
 * Days as the fewest ranges: consecutive days run together.
 * `rangesOf(["2026-12-24", "2026-12-25", "2026-12-28"])` → 24–25 Dec, 28–28 Dec.
 */
export function rangesOf(days: Iterable<Day>): DayRange[] {
  const sorted = [...new Set(days)].sort();
  const out: DayRange[] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && addDays(last.to, 1) === d) out[out.length - 1] = { from: last.from, to: d };
    else out.push({ from: d, to: d });
  }
  return out;
}

/** Every day of a range, in order. */
export function daysOf(range: DayRange): Day[] {
  const out: Day[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * What a calendar's spans have been worked out to, kept per calendar (by what it says, not by which
 * object holds it: a team's calendar is built afresh for each reader). A morning's messages ask the
 * same few months and weeks for every person and KPI; each span is walked day by day once. Pure:
 * the answers depend only on the arguments, and the memory is bounded.
 */
const SPANS_KEPT = 20_000;
const spansByCalendar = new Map<string, Map<string, readonly Day[]>>();
const signatures = new WeakMap<WorkCalendar, string>();
let spansKept = 0;

function signatureOf(cal: WorkCalendar): string {
  let sig = signatures.get(cal);
  if (sig === undefined) {
    sig = `${cal.workdays.join(',')}|${cal.holidays}|${(cal.closed ?? []).map((r) => `${r.from}~${r.to}`).join(',')}`;
    signatures.set(cal, sig);
  }
  return sig;
}

function workdaysOfSpan(from: Day, to: Day, cal: WorkCalendar): readonly Day[] {
  const sig = signatureOf(cal);
  let spans = spansByCalendar.get(sig);
  if (spans === undefined) {
    spans = new Map();
    spansByCalendar.set(sig, spans);
  }
  const key = `${from}~${to}`;
  let days = spans.get(key);
  if (days === undefined) {
    const out: Day[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d, cal)) out.push(d);
    days = Object.freeze(out);
    if (spansKept >= SPANS_KEPT) {
      spansByCalendar.clear();
      spansByCalendar.set(sig, spans);
      spans.clear();
      spansKept = 0;
    }
    spans.set(key, days);
    spansKept += 1;
  }
  return days;
}

/** Workdays from `from` to `to`, both included; 0 when `to` is before `from`. */
export function countWorkdays(from: Day, to: Day, cal: WorkCalendar): number {
  return to < from ? 0 : workdaysOfSpan(from, to, cal).length;
}

/**
 * A workday's number in its year, counting from the year's first workday as 1: what turns the
 * wording of a sentence said every workday. `workdayOfYear("2026-01-05", jp Mon–Fri)` → 2.
 */
export function workdayOfYear(d: Day, cal: WorkCalendar): number {
  return countWorkdays(`${d.slice(0, 4)}-01-01` as Day, d, cal);
}

/** The workdays from `from` to `to`, both included, in order. */
export function workdaysBetween(from: Day, to: Day, cal: WorkCalendar): readonly Day[] {
  return to < from ? [] : workdaysOfSpan(from, to, cal);
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
