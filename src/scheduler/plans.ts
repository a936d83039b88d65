import type { Recipient } from './sender.js';
import { actions, button, section, type Message } from '../reports/blocks.js';
import { textMessage } from '../reports/receipts.js';
import { buildDailyDigest, renderDailyDigest } from '../reports/digest/daily.js';
import { buildMorningDm, renderMorningDm } from '../reports/digest/dm.js';
import { isOffOn, loadTeamSnapshot, reportDayFor, type TeamSnapshot } from '../reports/digest/snapshot.js';
import type { PaceAlert } from '../reports/pace-alerts.js';
import type { ReminderModel } from '../reports/reminder.js';
import { loadWeeklyReviewWithTrend, weeklyReviewMessage } from '../reports/charts/from-weekly.js';
import { loadClientReport } from '../reports/client-report.js';
import { loadKickoff, renderKickoff } from '../reports/kickoff.js';
import { loadMonthReview, reviewedMonth } from '../reports/month-review.js';
import { renderMonthReview } from '../reports/month-review-render.js';
import { renderClientReport } from '../reports/client-report-render.js';
import { calendarFor } from '../reports/status.js';
import type { Day } from '../domain/days.js';
import type { Locale } from '../domain/locale.js';
import { formatDay, messages } from '../i18n/index.js';
import type { Holiday } from '../domain/calendar.js';
import { formatClock } from '../domain/team-settings.js';
import type { Member, ScheduledOneOnOne, Store, Team } from '../store/index.js';

/** The kinds of message a team's channel gets. */
export type ChannelKind = 'daily' | 'weekly' | 'client' | 'monthly' | 'kickoff';

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

/**
 * One delivery of a slot: the team's channel message (subject: the team's ID), one person's morning
 * DM or evening reminder (subject: their user ID), or a pace alert to a manager (subject: theirs; its
 * period is the KPI's month and scope, so it goes once per KPI and month).
 */
export type PlanItem =
  | { readonly kind: 'daily' | 'weekly' | 'client'; readonly subject: string; readonly channel: string }
  | { readonly kind: 'monthly' | 'kickoff'; readonly subject: string; readonly channel: string; readonly periodKey: string }
  | { readonly kind: 'dm'; readonly subject: string; readonly member: Member }
  | { readonly kind: 'reminder'; readonly subject: string; readonly member: Member; readonly reminder: ReminderModel }
  | { readonly kind: 'pace'; readonly subject: string; readonly member: Member; readonly alert: PaceAlert; readonly periodKey: string };

/** What a slot sends: its deliveries, each built only when it is actually sent. */
export interface SlotPlan {
  recipients(): Promise<PlanItem[]>;
  build(item: PlanItem): Promise<Message>;
}

/** Where a slot's delivery goes: the team's channel, or the person's DM. */
export function recipientOf(item: PlanItem): Recipient {
  return 'channel' in item ? { channel: item.channel } : { userId: item.member.userId };
}

/** Team snapshots read in one tick, by team and report day: the digest and every zone's DMs share one. */
export type SnapshotCache = Map<string, Promise<TeamSnapshot>>;

/** The team's snapshot for the morning of `slotDay`, read once per cache. */
export function snapshotFor(store: Store, team: Team, slotDay: Day, cache: SnapshotCache = new Map()): Promise<TeamSnapshot> {
  const reportDay = reportDayFor(slotDay, calendarFor(team));
  const key = `${team.id}|${reportDay}`;
  let found = cache.get(key);
  if (!found) {
    found = loadTeamSnapshot(store, team, reportDay);
    cache.set(key, found);
  }
  return found;
}

/** The morning DM of a member, in their language (the team's when theirs is unknown). */
export async function buildDm(store: Store, team: Team, slotDay: Day, member: Member, cache?: SnapshotCache): Promise<Message> {
  return renderMorningDm(buildMorningDm(await snapshotFor(store, team, slotDay, cache), member, slotDay), member.locale ?? team.settings.locale);
}

/** The daily slot's channel message: the digest to the team's channel. */
export function planDigest(store: Store, team: Team, slotDay: Day, cache?: SnapshotCache): SlotPlan {
  return {
    recipients: async () => (team.channelId ? [{ kind: 'daily', subject: String(team.id), channel: team.channelId }] : []),
    build: async () => renderDailyDigest(buildDailyDigest(await snapshotFor(store, team, slotDay, cache), slotDay), team.settings.locale),
  };
}

/**
 * The daily slot as `kpi-bot digest daily` sends it: the digest, and a morning DM to each member who
 * wants one and is not off that day. (The scheduler sends the DMs at each member's own morning.)
 */
export function planDaily(store: Store, team: Team, slotDay: Day): SlotPlan {
  const cache: SnapshotCache = new Map();
  const digest = planDigest(store, team, slotDay, cache);
  return {
    async recipients() {
      const items = await digest.recipients();
      if (!team.settings.morningDm) return items;
      // The members and days off the messages are built from: read once for the recipients and every message.
      const snapshot = await snapshotFor(store, team, slotDay, cache);
      for (const member of snapshot.members) {
        if (member.morningDm && !isOffOn(snapshot, member.userId, slotDay)) items.push({ kind: 'dm', subject: member.userId, member });
      }
      return items;
    },
    build: (item) => (item.kind === 'dm' ? buildDm(store, team, slotDay, item.member, cache) : digest.build(item)),
  };
}

/** The weekly slot: the review of last week to the team's channel, with its trend and funnel charts. */
export function planWeekly(store: Store, team: Team, slotDay: Day): SlotPlan {
  return {
    recipients: async () => (team.channelId ? [{ kind: 'weekly', subject: String(team.id), channel: team.channelId }] : []),
    build: async () => {
      const { review, trend } = await loadWeeklyReviewWithTrend(store, team, slotDay);
      return weeklyReviewMessage(review, trend, team.settings.locale);
    },
  };
}

/** A client engagement's slot: its report to the client's channel, in the client's language, team totals only. */
export function planClientReport(store: Store, team: Team, slotDay: Day, slotAt: Date): SlotPlan {
  return {
    recipients: async () => (team.channelId ? [{ kind: 'client', subject: String(team.id), channel: team.channelId }] : []),
    build: async () => renderClientReport(await loadClientReport(store, team, slotDay, slotAt), team.settings.locale),
  };
}

/** A month as a delivery's period: `2026-11`. Keyed by the month, a review or kickoff goes once even if the month's first workday moves. */
const monthKey = (d: Day): string => d.slice(0, 7);

/** The month's first-workday slot: the review of the month before, to the team's channel, team totals only. */
export function planMonthReview(store: Store, team: Team, slotDay: Day): SlotPlan {
  return {
    recipients: async () => (team.channelId ? [{ kind: 'monthly', subject: String(team.id), channel: team.channelId, periodKey: monthKey(reviewedMonth(slotDay).start) }] : []),
    build: async () => renderMonthReview(await loadMonthReview(store, team, slotDay), team.settings.locale),
  };
}

/** The month's first-workday slot: its kickoff (targets and the plan per workday), to the team's channel. */
export function planKickoff(store: Store, team: Team, slotDay: Day): SlotPlan {
  return {
    recipients: async () => (team.channelId ? [{ kind: 'kickoff', subject: String(team.id), channel: team.channelId, periodKey: monthKey(slotDay) }] : []),
    build: async () => renderKickoff(await loadKickoff(store, team, slotDay), team.settings.locale),
  };
}

const KNOWN_REASONS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'no_channel']);

/** The DM a team's manager gets, once, when the team's channel does not take its messages. */
export function brokenTeamNotice(team: Team, kind: ChannelKind, channel: string, reason: string, locale: Locale): Message {
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
