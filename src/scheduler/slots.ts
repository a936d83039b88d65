import { isWorkday } from '../domain/calendar.js';
import { addDays, dayInZone, instantAt, type Day } from '../domain/days.js';
import { calendarOf, firstWorkdayOfMonth, reportDayOf, weeklyReviewDay, type TeamSettings } from '../domain/team-settings.js';

export { weeklyReviewDay };

/**
 * A team's slots (`daily`, `weekly`, and the month's `monthly` review and `kickoff`, in the team's
 * zone), each person's (`morning`, `evening`, in theirs), and a client engagement's report (`client`).
 */
export type SlotKind = 'daily' | 'weekly' | 'monthly' | 'kickoff' | 'morning' | 'evening' | 'client';

/** A moment a team's scheduled message is due: its kind, the business day and the instant. */
export interface Slot {
  readonly kind: SlotKind;
  readonly day: Day;
  readonly at: Date;
}

/**
 * The slots of a team on the business days around `now` (today and yesterday in the team's zone):
 * the daily digest on workdays at the daily time, the weekly review on its day at the weekly time,
 * and on the month's first workday the review of the month before and the month's kickoff.
 * Yesterday's slots matter when the catch-up window crosses midnight.
 *
 * The month-end review goes out on the next month's first workday rather than on the month's last:
 * at the weekly time of the last workday that day is not logged yet, while on the first workday
 * after it the month is whole (the evening's logs, the late ones of the weekend), and it comes just
 * before the kickoff, as seed 004's cycle has review lead into the next plan.
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
    // The weekly time, or the daily one for a team with no weekly review.
    const monthTime = settings.weeklyTime ?? settings.dailyTime;
    if (monthTime !== null && (settings.monthReview || settings.kickoff) && firstWorkdayOfMonth(settings, day) === day) {
      const at = instantAt(day, monthTime, settings.timezone);
      if (settings.monthReview) slots.push({ kind: 'monthly', day, at });
      if (settings.kickoff) slots.push({ kind: 'kickoff', day, at });
    }
  }
  return slots;
}

/**
 * A client engagement's report slots on the days around `now`: on its report day (its weekly day,
 * or the month's first workday) at its weekly time, in its zone. An engagement has no other slot.
 */
export function clientSlotsAround(settings: TeamSettings, cadence: 'weekly' | 'monthly', now: Date): Slot[] {
  if (settings.weeklyTime === null) return [];
  const today = dayInZone(now, settings.timezone);
  return [addDays(today, -1), today].flatMap((day) =>
    reportDayOf(settings, cadence, day) === day ? [{ kind: 'client' as const, day, at: instantAt(day, settings.weeklyTime!, settings.timezone) }] : [],
  );
}

/**
 * The slots of a team's members in one zone on the days around `now` there: their morning (the morning
 * DM, and a manager's pace alerts) at the team's daily time, and their evening reminder at the
 * reminder time, on the team's workdays (a company closure has neither). Each person's own days off
 * are left out when the slot's recipients are chosen.
 */
export function memberSlotsAround(settings: TeamSettings, zone: string, now: Date): Slot[] {
  const today = dayInZone(now, zone);
  const calendar = calendarOf(settings);
  const slots: Slot[] = [];
  for (const day of [addDays(today, -1), today]) {
    if (!isWorkday(day, calendar)) continue;
    if (settings.dailyTime !== null) slots.push({ kind: 'morning', day, at: instantAt(day, settings.dailyTime, zone) });
    if (settings.reminderTime !== null) slots.push({ kind: 'evening', day, at: instantAt(day, settings.reminderTime, zone) });
  }
  return slots;
}

/** Whether a slot came before its team existed: a team created at 09:20 gets no 09:00 digest that day, late or not. */
export function beforeCreation(team: { readonly createdAt?: Date }, slotAt: Date): boolean {
  return team.createdAt !== undefined && slotAt.getTime() < team.createdAt.getTime();
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
