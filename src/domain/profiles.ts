import type { DayRange } from './calendar.js';
import { dayInZone, type Day } from './days.js';

/**
 * How long a person's Slack profile (language, zone, admin rights, status) is trusted: 20 hours.
 * Language and zone rarely change, but a vacation status does by the day; the scheduler reads the
 * profiles of a morning's recipients in the hour before their DM, so with 20 hours everyone is read
 * about once a day, always within that hour, at ~1,000 `users.info` calls a day for 1,000 people —
 * well inside Slack's Tier 4 limit when spread over the hour.
 */
export const PROFILE_REFRESH_MS = 20 * 60 * 60 * 1000;

/** Whether a profile read at `checkedAt` (null: never) should be read again at `now`. */
export function isProfileStale(checkedAt: Date | null, now: Date): boolean {
  return checkedAt === null || now.getTime() - checkedAt.getTime() > PROFILE_REFRESH_MS;
}

/** A Slack status as `users.info` gives it. */
export interface SlackStatus {
  readonly text: string;
  readonly emoji: string;
  /** When Slack clears it; null when it does not expire. */
  readonly expiresAt: Date | null;
}

/** Slack's "Vacationing" preset (🌴) and the words people type for it in either language. */
const VACATION = /(vacation|on holiday|annual leave|\bpto\b|休暇|有給|有休|休み)/iu;

/** Whether a status says the person is away on vacation: Slack's 🌴 "Vacationing", or its words. */
export function isVacationStatus(status: SlackStatus | null): boolean {
  if (!status) return false;
  return status.emoji === ':palm_tree:' || VACATION.test(status.text);
}

/**
 * The days a vacation status covers, in the person's zone: from today to the day it expires (today
 * alone when it does not expire: tomorrow's read says whether it still holds); null for any other status.
 */
export function vacationDays(status: SlackStatus | null, now: Date, zone: string): DayRange | null {
  if (!isVacationStatus(status)) return null;
  const from: Day = dayInZone(now, zone);
  // A status expiring at midnight ends the day before.
  const to = status!.expiresAt ? dayInZone(new Date(status!.expiresAt.getTime() - 1), zone) : from;
  return { from, to: to < from ? from : to };
}
