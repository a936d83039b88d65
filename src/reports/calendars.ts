import { calendarFor } from './status.js';
import { withDaysOff, type WorkCalendar } from '../domain/calendar.js';
import type { Store, Team } from '../store/index.js';

/** Reads a person's days off and gives their calendar: their team's without the days they are off. */
export async function loadPersonCalendar(store: Store, workspace: string, userId: string, team: Team | null): Promise<WorkCalendar> {
  return withDaysOff(calendarFor(team), await store.daysOff.of(workspace, userId));
}
