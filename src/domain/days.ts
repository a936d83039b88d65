import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * A civil date, `YYYY-MM-DD`: the business day an entry counts for, independent of any zone.
 * Arithmetic on days is done at UTC midnight, where every day is 24 hours long.
 */
export type Day = string & { readonly __day: unique symbol };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/u;
const MS_PER_DAY = 86_400_000;

/** A `Day` from `YYYY-MM-DD` when it names a real date, else null: `parseDay("2026-02-30")` → null. */
export function parseDay(text: string): Day | null {
  const m = DAY_PATTERN.exec(text);
  if (!m) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A `Day` from year, month (1–12) and day of month when they form a real date, else null. */
export function dayFromParts(year: number, month: number, dayOfMonth: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(dayOfMonth)) return null;
  const d = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== dayOfMonth) return null;
  if (year < 1970 || year > 9999) return null;
  return d.toISOString().slice(0, 10) as Day;
}

/** The asserted form of a literal known to be valid (tests, constants). Throws on a malformed day. */
export function day(text: string): Day {
  const parsed = parseDay(text);
  if (!parsed) throw new Error(`not a calendar day: ${text}`);
  return parsed;
}

function toUtc(d: Day): Date {
  return new Date(`${d}T00:00:00Z`);
}

function fromUtc(date: Date): Day {
  return date.toISOString().slice(0, 10) as Day;
}

/** `addDays("2026-11-30", 1)` → `"2026-12-01"`. */
export function addDays(d: Day, n: number): Day {
  return fromUtc(new Date(toUtc(d).getTime() + n * MS_PER_DAY));
}

/** Whole days from `a` to `b`: `daysBetween("2026-11-01", "2026-11-03")` → 2. */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / MS_PER_DAY);
}

/** ISO weekday, Monday 1 … Sunday 7: `isoWeekday("2026-11-23")` → 1. */
export function isoWeekday(d: Day): number {
  const w = toUtc(d).getUTCDay();
  return w === 0 ? 7 : w;
}

export function yearOf(d: Day): number {
  return Number(d.slice(0, 4));
}

export function monthOf(d: Day): number {
  return Number(d.slice(5, 7));
}

export function dayOfMonth(d: Day): number {
  return Number(d.slice(8, 10));
}

/** The calendar date at an instant in a zone: `dayInZone(2026-11-22T20:00Z, "Asia/Tokyo")` → `"2026-11-23"`. */
export function dayInZone(instant: Date, zone: string): Day {
  return format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd') as Day;
}

/** Wall-clock minutes since midnight at an instant in a zone (09:30 → 570). */
export function minutesInZone(instant: Date, zone: string): number {
  const local = new TZDate(instant.getTime(), zone);
  return local.getHours() * 60 + local.getMinutes();
}

/**
 * The instant a wall-clock time occurs on a day in a zone. In a daylight-saving gap the clock
 * moves forward (02:30 on a spring-forward night is 03:30); in an overlap the first occurrence wins.
 */
export function instantAt(d: Day, minutesOfDay: number, zone: string): Date {
  const [y, m, dd] = [yearOf(d), monthOf(d), dayOfMonth(d)];
  const local = new TZDate(y, m - 1, dd, Math.floor(minutesOfDay / 60), minutesOfDay % 60, zone);
  return new Date(local.getTime());
}

/** Whether a string names a time zone this runtime knows (`Asia/Tokyo`, `America/New_York`). */
export function isTimeZone(zone: string): boolean {
  if (!zone || !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+\-]+)*$/u.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Earlier of two days. */
export function minDay(a: Day, b: Day): Day {
  return a <= b ? a : b;
}

/** Later of two days. */
export function maxDay(a: Day, b: Day): Day {
  return a >= b ? a : b;
}
