import { isWorkday, workdaysBetween } from '../domain/calendar.js';
import { addDays, dayInZone, instantAt, type Day } from '../domain/days.js';
import { periodOf } from '../domain/periods.js';
import { calendarOf, type TeamSettings } from '../domain/team-settings.js';

export type SlotKind = 'daily' | 'weekly';

/** A moment a team's scheduled message is due: its kind, the business day and the instant. */
export interface Slot {
  readonly kind: SlotKind;
  readonly day: Day;
  readonly at: Date;
}

/**
 * The day of a week the weekly review goes out: the first workday on or after the configured
 * weekday within that ISO week (Monday 2026-11-23 is a holiday in Japan, so Tuesday the 24th);
 * null when the rest of the week has no workday.
 */
export function weeklyReviewDay(settings: TeamSettings, anyDayOfWeek: Day): Day | null {
  const week = periodOf(anyDayOfWeek, 'week');
  const from = addDays(week.start, settings.weeklyDay - 1);
  return workdaysBetween(from, week.end, calendarOf(settings))[0] ?? null;
}

/**
 * The slots of a team on the business days around `now` (today and yesterday in the team's zone):
 * the daily digest on workdays at the daily time, the weekly review on its day at the weekly time.
 * Yesterday's slots matter when the catch-up window crosses midnight.
 */
export function slotsAround(settings: TeamSettings, now: Date): Slot[] {
  const today = dayInZone(now, settings.timezone);
  const calendar = calendarOf(settings);
  const slots: Slot[] = [];
  for (const day of [addDays(today, -1), today]) {
    if (settings.dailyTime !== null && isWorkday(day, calendar)) slots.push({ kind: 'daily', day, at: instantAt(day, settings.dailyTime, settings.timezone) });
    if (settings.weeklyTime !== null && weeklyReviewDay(settings, day) === day) {
      slots.push({ kind: 'weekly', day, at: instantAt(day, settings.weeklyTime, settings.timezone) });
    }
  }
  return slots;
}

export type SlotState = 'early' | 'due' | 'missed';

/** A few minutes' grace even with no catch-up, so a tick a little late still sends. */
const GRACE_MS = 5 * 60 * 1000;

/**
 * Where `now` stands against a slot: before it, within the catch-up window after it (send, late if
 * need be), or past the window (record it as skipped).
 */
export function slotState(slotAt: Date, now: Date, catchupHours: number): SlotState {
  const late = now.getTime() - slotAt.getTime();
  if (late < 0) return 'early';
  return late <= Math.max(catchupHours * 3_600_000, GRACE_MS) ? 'due' : 'missed';
}
