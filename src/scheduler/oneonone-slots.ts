import { holidayOn, inRanges, type WorkCalendar, type Holiday } from '../domain/calendar.js';
import { addDays, dayInZone, instantAt, type Day } from '../domain/days.js';
import { isMeetingDay, prepTime, type OneOnOneSchedule } from '../domain/oneonone.js';

export interface OneOnOneSlot {
  readonly kind: 'oneonone' | 'checkin';
  /** The meeting day: the key of both the prep and the check-in. */
  readonly day: Day;
  /** When it goes out. */
  readonly at: Date;
  /** The meeting's public holiday or company closure, when there is one: the prep becomes a short note instead. */
  readonly holiday: Holiday | null;
}


/**
 * The prep and check-in slots of a recurring 1on1 around `now`, in the manager's zone: the prep at
 * the lead time before the meeting, the rep's check-in 24 hours before it.
 */
export function oneOnOneSlots(
  schedule: OneOnOneSchedule,
  options: { zone: string; calendar: WorkCalendar; leadHours: number | null; dailyTime: number | null; checkIn: boolean; closureName?: Holiday },
  now: Date,
): OneOnOneSlot[] {
  const today = dayInZone(now, options.zone);
  const slots: OneOnOneSlot[] = [];
  for (let i = -1; i <= 3; i += 1) {
    const day = addDays(today, i);
    if (!isMeetingDay(schedule, day)) continue;
    const holiday = holidayOn(day, options.calendar.holidays) ?? (options.closureName && inRanges(day, options.calendar.closed) ? options.closureName : null);
    const prep = prepTime(schedule.minutes, options.leadHours, options.dailyTime);
    slots.push({ kind: 'oneonone', day, at: instantAt(addDays(day, -prep.daysBefore), prep.minutes, options.zone), holiday });
    // The check-in goes 24 hours before the meeting: the day before, at the meeting's time.
    if (options.checkIn && !holiday) slots.push({ kind: 'checkin', day, at: instantAt(addDays(day, -1), schedule.minutes, options.zone), holiday: null });
  }
  return slots;
}
