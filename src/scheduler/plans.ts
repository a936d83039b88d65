import type { Recipient } from './sender.js';
import { actions, button, section, type Message } from '../reports/blocks.js';
import { textMessage } from '../reports/receipts.js';
import { buildDailyDigest, renderDailyDigest } from '../reports/digest/daily.js';
import { buildMorningDm, renderMorningDm } from '../reports/digest/dm.js';
import { loadTeamSnapshot, reportDayFor, type TeamSnapshot } from '../reports/digest/snapshot.js';
import { loadWeeklyTrend, weeklyReviewMessage } from '../reports/charts/from-weekly.js';
import { loadWeeklyReview } from '../reports/digest/weekly.js';
import { calendarFor } from '../reports/status.js';
import type { Day } from '../domain/days.js';
import type { Locale } from '../domain/locale.js';
import { formatDay, messages } from '../i18n/index.js';
import type { Holiday } from '../domain/calendar.js';
import { formatClock } from '../domain/team-settings.js';
import type { Member, ScheduledOneOnOne, Store, Team } from '../store/index.js';

/** A message ready to send and where it goes. */
export interface Outgoing {
  readonly to: Recipient;
  readonly message: Message;
}

/** Where a message goes, and how to build it when it is actually sent. */
export interface Pending {
  readonly to: Recipient;
  readonly build: () => Promise<Message>;
}

/** One delivery of a slot: the team's channel message (subject: the team's ID), or one person's DM (subject: their user ID). */
export type PlanItem =
  | { readonly kind: 'daily' | 'weekly'; readonly subject: string; readonly channel: string }
  | { readonly kind: 'dm'; readonly subject: string; readonly member: Member };

/** What a slot sends: its deliveries, each built only when it is actually sent. */
export interface SlotPlan {
  recipients(): Promise<PlanItem[]>;
  build(item: PlanItem): Promise<Message>;
}

/** Where a slot's delivery goes: the team's channel, or the member's DM. */
export function recipientOf(item: PlanItem): Recipient {
  return item.kind === 'dm' ? { userId: item.member.userId } : { channel: item.channel };
}

/**
 * The daily slot: the digest to the team's channel and a morning DM to each member who wants one.
 * The team's numbers are read once, on the first message built, for the digest and every DM.
 */
export function planDaily(store: Store, team: Team, slotDay: Day): SlotPlan {
  let snapshot: Promise<TeamSnapshot> | null = null;
  const load = () => (snapshot ??= loadTeamSnapshot(store, team, reportDayFor(slotDay, calendarFor(team))));
  return {
    async recipients() {
      const items: PlanItem[] = team.channelId ? [{ kind: 'daily', subject: String(team.id), channel: team.channelId }] : [];
      if (team.settings.morningDm) {
        for (const member of await store.teams.members(team.id)) {
          if (member.isActive && member.morningDm) items.push({ kind: 'dm', subject: member.userId, member });
        }
      }
      return items;
    },
    async build(item) {
      const s = await load();
      if (item.kind !== 'dm') return renderDailyDigest(buildDailyDigest(s, slotDay), team.settings.locale);
      return renderMorningDm(buildMorningDm(s, item.member, slotDay), item.member.locale ?? team.settings.locale);
    },
  };
}

/** The weekly slot: the review of last week to the team's channel, with its trend and funnel charts. */
export function planWeekly(store: Store, team: Team, slotDay: Day): SlotPlan {
  return {
    recipients: async () => (team.channelId ? [{ kind: 'weekly', subject: String(team.id), channel: team.channelId }] : []),
    build: async () => {
      const review = await loadWeeklyReview(store, team, slotDay);
      return weeklyReviewMessage(review, await loadWeeklyTrend(store, team, review), team.settings.locale);
    },
  };
}

const KNOWN_REASONS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'no_channel']);

/** The DM a team's manager gets, once, when the team's channel does not take its messages. */
export function brokenTeamNotice(team: Team, kind: 'daily' | 'weekly', channel: string, reason: string, locale: Locale): Message {
  const a = messages(locale).alerts;
  const why = a.reasons[(KNOWN_REASONS.has(reason) ? reason : 'other') as keyof typeof a.reasons];
  const text = `${a.broken({ team: team.name, what: a.what[kind], channel: `<#${channel}>`, reason: why })}\n${a.fix}`;
  return textMessage(text);
}

/** The action of the check-in DM's button; its value is the meeting day. */
export const CHECK_IN_ACTION = 'kpi_checkin';

/** The rep's check-in DM the day before a 1on1: two questions behind a button. */
export function checkInMessage(schedule: ScheduledOneOnOne, meetingDay: Day, locale: Locale): Message {
  const t = messages(locale).oneonone;
  const text = t.checkInDm({ day: formatDay(meetingDay, locale), time: formatClock(schedule.minutes) });
  return { text, blocks: [section(text), actions(button(t.checkInButton, CHECK_IN_ACTION, meetingDay, 'primary'))] };
}

/** The manager's note instead of a prep when the 1on1 falls on a holiday. */
export function holidayNote(schedule: ScheduledOneOnOne, meetingDay: Day, holiday: Holiday, locale: Locale): Message {
  const text = messages(locale).oneonone.holidayNote({ rep: `<@${schedule.rep}>`, day: formatDay(meetingDay, locale), holiday: holiday[locale] });
  return textMessage(text);
}
