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
  // Periods ask for the first of a month over and over (`periodOf`): the answer is remembered.
  const key = month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31 ? (year * 100 + month) * 100 + dayOfMonth : null;
  const known = key === null ? undefined : dayOfParts.get(key);
  if (known !== undefined) return known;
  const d = new Date(Date.UTC(year, month - 1, dayOfMonth));
  const valid = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === dayOfMonth && year >= 1970 && year <= 9999;
  const out = valid ? (d.toISOString().slice(0, 10) as Day) : null;
  if (key !== null) remember(dayOfParts, key, out);
  return out;
}

/** The asserted form of a literal known to be valid (tests, constants). Throws on a malformed day. */
export function day(text: string): Day {
  const parsed = parseDay(text);
  if (!parsed) throw new Error(`not a calendar day: ${text}`);
  return parsed;
}

/*
 * Day arithmetic runs in the inner loops of every report (workdays in a month, streaks), so each
 * day's number (days since 1970-01-01) and each number's day are remembered once worked out:
 * reports touch a few thousand distinct days at most.
 */
const MAX_REMEMBERED = 100_000;
const numberOfDay = new Map<string, number>();
const dayOfNumber = new Map<number, Day>();
const dayOfParts = new Map<number, Day | null>();

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
}

/** Days since 1970-01-01 at UTC midnight (NaN for a malformed day). */
function toNumber(d: Day): number {
  let n = numberOfDay.get(d);
  if (n === undefined) {
    n = Date.parse(`${d}T00:00:00Z`) / MS_PER_DAY;
    if (Number.isInteger(n)) remember(numberOfDay, d, n);
  }
  return n;
}

function fromNumber(n: number): Day {
  let d = dayOfNumber.get(n);
  if (d === undefined) {
    d = new Date(n * MS_PER_DAY).toISOString().slice(0, 10) as Day;
    remember(dayOfNumber, n, d);
  }
  return d;
}

/** `addDays("2026-11-30", 1)` → `"2026-12-01"`. */
export function addDays(d: Day, n: number): Day {
  return fromNumber(toNumber(d) + n);
}

/** Whole days from `a` to `b`: `daysBetween("2026-11-01", "2026-11-03")` → 2. */
export function daysBetween(a: Day, b: Day): number {
  return Math.round(toNumber(b) - toNumber(a));
}

/** ISO weekday, Monday 1 … Sunday 7: `isoWeekday("2026-11-23")` → 1. */
export function isoWeekday(d: Day): number {
  const w = (((toNumber(d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return w === 0 ? 7 : w;
}

/** The ISO week a day falls in, counted from the week of 1970-01-01: consecutive weeks, consecutive numbers. */
export function weekNumber(d: Day): number {
  return Math.floor((toNumber(d) + 3) / 7); // 1970-01-01 was a Thursday: its week began three days before
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

/** Zones already checked (building a formatter to ask costs more than a `/kpi log` does otherwise). */
const knownZones = new Map<string, boolean>();

/** Whether a string names a time zone this runtime knows (`Asia/Tokyo`, `America/New_York`). */
export function isTimeZone(zone: string): boolean {
  if (!zone || !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+\-]+)*$/u.test(zone)) return false;
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    remember(knownZones, zone, known);
  }
  return known;
}

/** Earlier of two days. */
export function minDay(a: Day, b: Day): Day {
  return a <= b ? a : b;
}

/** Later of two days. */
export function maxDay(a: Day, b: Day): Day {
  return a >= b ? a : b;
}

/** A person's zone: their Slack profile's when it is a real zone, else their team's, else the bot's default. */
export function zoneOf(person: { readonly timeZone: string | null } | null, team: { readonly settings: { readonly timezone: string } } | null, fallback: string): string {
  if (person?.timeZone && isTimeZone(person.timeZone)) return person.timeZone;
  return team?.settings.timezone ?? fallback;
}
