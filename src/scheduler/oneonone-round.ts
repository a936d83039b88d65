import type { Logger } from '@slack/logger';
import { oneOnOneSlots } from './oneonone-slots.js';
import { checkInMessage, holidayNote, type Pending } from './plans.js';
import type { ProfileReader } from './profiles.js';
import { slotState, type SlotState } from './slots.js';
import type { DeliveryOutcome } from './scheduler.js';
import { zoneOf } from '../domain/days.js';
import type { Locale } from '../domain/locale.js';
import { calendarOf, defaultTeamSettings } from '../domain/team-settings.js';
import { formatList, messages } from '../i18n/index.js';
import { context, type Message } from '../reports/blocks.js';
import { prepareOneOnOne } from '../reports/oneonone-load.js';
import type { DeliveryKey, StoredOneOnOne, Store, Team } from '../store/index.js';

/** What the 1on1 round needs of the scheduler. */
export interface OneOnOneRound {
  readonly store: Store;
  readonly logger: Logger;
  readonly defaultLocale: Locale;
  readonly defaultZone: string;
  readonly profiles: ProfileReader;
  deliver(team: Team | null, key: DeliveryKey, slotAt: Date, state: SlotState, now: Date, pending: Pending): Promise<DeliveryOutcome | null>;
}

/** A closure's name on a 1on1 that falls on one, in both languages (a public holiday brings its own). */
const CLOSURE = { en: messages('en').people.closureName, ja: messages('ja').people.closureName };

/**
 * A 1on1's prep (a note on a holiday or a closure) and the rep's check-in the day before. The prep
 * goes to the manager who scheduled it, in their zone; or, when an admin outside the team scheduled
 * it, to every manager of the rep's team, in the team's zone, saying so. Nothing is sent for a slot
 * from before the schedule was made. Each recipient's Slack profile is read when their message is
 * built, when stale, so it comes in their language.
 */
export async function runOneOnOne(round: OneOnOneRound, schedule: StoredOneOnOne, now: Date, teamsById: ReadonlyMap<number, Team>): Promise<DeliveryOutcome[]> {
  const { store, defaultLocale, defaultZone } = round;
  const workspace = schedule.workspace;
  const rep = await store.people.get(workspace, schedule.rep);
  const team = rep?.kpiTeamId ? (teamsById.get(rep.kpiTeamId) ?? null) : null;
  const settings = team?.settings ?? defaultTeamSettings(defaultZone, defaultLocale);
  const toTeam = schedule.recipients === 'team' && team !== null;
  const manager = toTeam ? null : await store.people.get(workspace, schedule.manager);
  const zone = toTeam ? team.settings.timezone : zoneOf(manager, team, defaultZone);
  /** A person's language, their profile read first when it is stale. */
  const localeOf = async (userId: string): Promise<Locale> => {
    const person = await store.people.get(workspace, userId);
    const read = person ? await round.profiles.refresh(workspace, [person], now, zone) : 0;
    return (read > 0 ? await store.people.get(workspace, userId) : person)?.locale ?? settings.locale;
  };
  const outcomes: DeliveryOutcome[] = [];
  const slots = oneOnOneSlots(
    schedule,
    // A team whose daily digest is off still gets its preps at the usual morning time.
    { zone, calendar: calendarOf(settings), leadHours: settings.oneOnOneLeadHours, dailyTime: settings.dailyTime, checkIn: settings.checkIn, closureName: CLOSURE },
    now,
  );
  for (const slot of slots) {
    // A 1on1 scheduled after its prep's time gets no late prep that day.
    if (slot.at < schedule.createdAt) continue;
    const state = slotState(slot.at, now, settings.catchupHours);
    if (state === 'early') continue;
    const key = (subject: string, periodKey: string): DeliveryKey => ({ workspace, kpiTeam: team?.id ?? null, subject, kind: slot.kind, periodKey });
    if (slot.kind === 'checkin') {
      const pending: Pending = { to: { userId: schedule.rep }, build: async () => checkInMessage(schedule, slot.day, await localeOf(schedule.rep)) };
      const outcome = await round.deliver(team, key(schedule.rep, slot.day), slot.at, state, now, pending);
      if (outcome) outcomes.push(outcome);
      continue;
    }
    const recipients = toTeam ? (await store.teams.members(team.id)).filter((m) => m.role === 'manager' && m.isActive).map((m) => m.userId) : [schedule.manager];
    for (const to of recipients) {
      const build = async (): Promise<Message> => {
        const locale = await localeOf(to);
        const prep = slot.holiday
          ? holidayNote(schedule, slot.day, slot.holiday, locale)
          : await prepareOneOnOne(store, team, { workspace, rep: schedule.rep, meetingDay: slot.day, meetingMinutes: schedule.minutes }, locale);
        if (!toTeam) return prep;
        const said = messages(locale).people.prepToManagers({ team: team.name, managers: formatList(recipients.map((u) => `<@${u}>`), locale), by: `<@${schedule.manager}>` });
        return { text: `${prep.text}\n${said}`, blocks: [...prep.blocks, context(said)] };
      };
      // Several managers each get theirs: the day and the manager make the key (the day comes first).
      const outcome = await round.deliver(team, key(schedule.rep, toTeam ? `${slot.day}|${to}` : slot.day), slot.at, state, now, { to: { userId: to }, build });
      if (outcome) outcomes.push(outcome);
    }
  }
  return outcomes;
}
