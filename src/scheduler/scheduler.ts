import { randomUUID } from 'node:crypto';
import type { Logger } from '@slack/logger';
import type { ChatPort } from './chat-port.js';
import { Sender, type Recipient, type SendResult } from './sender.js';
import { slotState, slotsAround, type Slot, type SlotState } from './slots.js';
import { oneOnOneSlots } from './oneonone-slots.js';
import { planDaily, planWeekly, recipientOf, brokenTeamNotice, checkInMessage, holidayNote, type Pending } from './plans.js';
import { zoneOf } from '../domain/days.js';
import { calendarOf, defaultTeamSettings } from '../domain/team-settings.js';
import { prepareOneOnOne } from '../reports/oneonone-load.js';
import type { Clock } from '../clock.js';
import type { Locale } from '../domain/locale.js';
import type { DeliveryKey, ScheduledOneOnOne, Store, Team } from '../store/index.js';

export interface SchedulerOptions {
  readonly store: Store;
  readonly chat: ChatPort;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The bot's default language, for people whose language is unknown. */
  readonly defaultLocale: Locale;
  /** The bot's default zone (`KPI_TIMEZONE`), for a manager with no zone and no team. */
  readonly defaultZone: string;
  readonly sender?: Sender;
  /** Names this process in the claims it makes. */
  readonly instanceId?: string;
}

/** A delivery's key as one string: for the settled set, and as the mark its Slack message carries. */
const idOf = (key: DeliveryKey): string => `${key.workspace}|${key.subject}|${key.kind}|${key.periodKey}`;

/** A claim older than this belongs to a process that stopped in the middle of sending. */
export const CLAIM_LEASE_MS = 15 * 60 * 1000;
/** When Slack cannot take a message now, the next try comes this much later (within the catch-up window). */
const RETRY_AFTER_MS = 5 * 60 * 1000;
/** How far before its slot a delivery's earlier post is looked for (clocks differ a little). */
const MARK_SLACK_MS = 5 * 60 * 1000;

/** What happened to one delivery in a tick, for logs and tests. */
export interface DeliveryOutcome {
  readonly key: DeliveryKey;
  readonly result: 'sent' | 'skipped' | 'failed' | 'retry';
  readonly reason?: string;
}

/**
 * The minute tick. Each tick asks, for every team in its own zone, what is due (daily digests and
 * morning DMs on workdays, the weekly review on its day), claims each delivery under its unique
 * key before sending, and marks it sent with Slack's `ts` after. A slot missed while the bot was
 * down is sent late within the team's catch-up window, and recorded as skipped past it. Every step
 * is recorded in the database, so ticks are idempotent and the process can stop at any point.
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly sender: Sender;
  /** Keys settled in this process, so a tick does not read them again every minute. */
  private readonly settled = new Set<string>();
  private running: Promise<DeliveryOutcome[]> | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.sender = options.sender ?? new Sender(options.chat);
  }

  /** Resolves when the tick under way, if any, has finished; starts none (for a clean stop). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One tick; a tick still running when the next comes is waited for, not doubled. */
  tick(now: Date = this.options.clock()): Promise<DeliveryOutcome[]> {
    this.running ??= this.runTick(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runTick(now: Date): Promise<DeliveryOutcome[]> {
    const { store, logger } = this.options;
    const reopened = await store.deliveries.reopenStale(new Date(now.getTime() - CLAIM_LEASE_MS), now);
    if (reopened > 0) logger.warn(`${reopened} delivery claim(s) were interrupted mid-send: each is looked for in Slack before it is sent again.`);
    const outcomes: DeliveryOutcome[] = [];
    const teams = await store.teams.all();
    for (const team of teams) {
      try {
        for (const slot of slotsAround(team.settings, now)) {
          const state = slotState(slot.at, now, team.settings.catchupHours);
          if (state !== 'early') outcomes.push(...(await this.runSlot(team, slot, state, now)));
        }
      } catch (error) {
        // One broken team never stops the others.
        logger.error(`Scheduled messages of team ${team.name} (${team.id}) failed this tick:`, error);
      }
    }
    const teamsById = new Map(teams.map((t) => [t.id, t]));
    for (const schedule of await store.oneonones.all()) {
      try {
        outcomes.push(...(await this.runOneOnOne(schedule, now, teamsById)));
      } catch (error) {
        logger.error(`The 1on1 of ${schedule.rep} with ${schedule.manager} failed this tick:`, error);
      }
    }
    return outcomes;
  }

  /**
   * A 1on1's prep to the manager (a note on a holiday) and the rep's check-in the day before. The
   * rep's team comes from this tick's teams; a rep without one gets the bot's default settings.
   */
  private async runOneOnOne(schedule: ScheduledOneOnOne, now: Date, teamsById: ReadonlyMap<number, Team>): Promise<DeliveryOutcome[]> {
    const { store, defaultLocale, defaultZone } = this.options;
    const manager = await store.people.get(schedule.workspace, schedule.manager);
    const rep = await store.people.get(schedule.workspace, schedule.rep);
    const team = rep?.kpiTeamId ? (teamsById.get(rep.kpiTeamId) ?? null) : null;
    const zone = zoneOf(manager, team, defaultZone);
    const settings = team?.settings ?? defaultTeamSettings(defaultZone, defaultLocale);
    const managerLocale = manager?.locale ?? settings.locale;
    const outcomes: DeliveryOutcome[] = [];
    const slots = oneOnOneSlots(
      schedule,
      // A team whose daily digest is off still gets its preps at the usual morning time.
      { zone, calendar: calendarOf(settings), leadHours: settings.oneOnOneLeadHours, dailyTime: settings.dailyTime, checkIn: settings.checkIn },
      now,
    );
    for (const slot of slots) {
      const state = slotState(slot.at, now, settings.catchupHours);
      if (state === 'early') continue;
      const key: DeliveryKey = { workspace: schedule.workspace, kpiTeam: team?.id ?? null, subject: schedule.rep, kind: slot.kind, periodKey: slot.day };
      const pending: Pending =
        slot.kind === 'checkin'
          ? { to: { userId: schedule.rep }, build: async () => checkInMessage(schedule, slot.day, rep?.locale ?? settings.locale) }
          : slot.holiday
            ? { to: { userId: schedule.manager }, build: async () => holidayNote(schedule, slot.day, slot.holiday!, managerLocale) }
            : {
                to: { userId: schedule.manager },
                build: () => prepareOneOnOne(store, team, { workspace: schedule.workspace, rep: schedule.rep, meetingDay: slot.day, meetingMinutes: schedule.minutes }, managerLocale),
              };
      const outcome = await this.deliver(team, key, slot.at, state, now, pending);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  private keyOf(team: Team, kind: DeliveryKey['kind'], subject: string, periodKey: string): DeliveryKey {
    return { workspace: team.workspace, kpiTeam: team.id, subject, kind, periodKey };
  }

  private async runSlot(team: Team, slot: Slot, state: SlotState, now: Date): Promise<DeliveryOutcome[]> {
    // A missed slot stays in view all day; once all of its deliveries are settled, it is not read again.
    const slotId = `slot|${team.id}|${slot.kind}|${slot.day}`;
    if (state === 'missed' && this.settled.has(slotId)) return [];
    const plan = slot.kind === 'daily' ? planDaily(this.options.store, team, slot.day) : planWeekly(this.options.store, team, slot.day);
    const outcomes: DeliveryOutcome[] = [];
    const keys: DeliveryKey[] = [];
    for (const item of await plan.recipients()) {
      const key = this.keyOf(team, item.kind, item.subject, slot.day);
      keys.push(key);
      const outcome = await this.deliver(team, key, slot.at, state, now, { to: recipientOf(item), build: () => plan.build(item) });
      if (outcome) outcomes.push(outcome);
    }
    if (state === 'missed' && keys.every((k) => this.settled.has(idOf(k)))) this.settled.add(slotId);
    return outcomes;
  }

  /** Claims, sends and settles one delivery; null when there was nothing to do for it. */
  async deliver(team: Team | null, key: DeliveryKey, slotAt: Date, state: SlotState, now: Date, { to, build }: Pending): Promise<DeliveryOutcome | null> {
    const { store } = this.options;
    const id = idOf(key);
    if (this.settled.has(id)) return null;
    const existing = await store.deliveries.find(key);
    if (existing && (existing.status === 'sent' || existing.status === 'skipped' || existing.status === 'failed')) {
      this.settled.add(id);
      return null;
    }
    if (existing?.status === 'claimed') return null;
    if (state === 'missed') {
      if (existing) return this.settleLate(key, to, slotAt, now);
      const reason = `missed: the bot was not running between ${slotAt.toISOString()} and the end of the catch-up window (${team?.settings.catchupHours ?? 3} h)`;
      await store.deliveries.recordSkipped(key, slotAt, now, this.instanceId, reason);
      this.settled.add(id);
      return { key, result: 'skipped', reason };
    }
    const claim = await store.deliveries.claim(key, slotAt, now, this.instanceId);
    if (!claim) return null;
    const message = await build().catch(async (error: unknown) => {
      await store.deliveries.settle(claim.id, 'failed', `could not build the message: ${(error as Error).message}`);
      throw error;
    });
    // The key goes with the message, so a send that got no answer can be looked up before another.
    const result = await this.sender.send(to, message, { key: id, since: this.markSince(slotAt, now), maybePosted: existing?.status === 'retry' }, key.workspace);
    return this.settle(team, key, claim.id, to, result, now);
  }

  /**
   * A delivery still waiting for a retry when its catch-up window closed. Its last try may have
   * reached Slack without an answer, so Slack is asked before it is called failed; it is claimed
   * first, so a second process does not settle it the other way meanwhile.
   */
  private async settleLate(key: DeliveryKey, to: Recipient, slotAt: Date, now: Date): Promise<DeliveryOutcome | null> {
    const { store } = this.options;
    const id = idOf(key);
    const claim = await store.deliveries.claim(key, slotAt, now, this.instanceId);
    if (!claim) return null;
    const lookup = await this.sender.findSent(to, { key: id, since: this.markSince(slotAt, now) });
    if (lookup.state === 'found') {
      await store.deliveries.markSent(claim.id, lookup.channel, lookup.ts, this.options.clock());
      this.settled.add(id);
      return { key, result: 'sent' };
    }
    const unavailable = `Slack stayed unavailable through the catch-up window (${claim.reason ?? 'no reason recorded'})`;
    const reason = lookup.state === 'absent' ? unavailable : `${unavailable}; whether Slack has it could not be checked: ${lookup.reason}`;
    await store.deliveries.settle(claim.id, 'failed', reason);
    this.settled.add(id);
    return { key, result: 'failed', reason };
  }

  /** How far back Slack's history is searched for a delivery's message. */
  private markSince(slotAt: Date, now: Date): Date {
    return new Date(Math.min(slotAt.getTime(), now.getTime()) - MARK_SLACK_MS);
  }

  private async settle(team: Team | null, key: DeliveryKey, claimId: number, to: Recipient, result: SendResult, now: Date): Promise<DeliveryOutcome> {
    const { store, logger } = this.options;
    const id = idOf(key);
    if (result.ok) {
      await store.deliveries.markSent(claimId, result.channel, result.ts, this.options.clock());
      this.settled.add(id);
      return { key, result: 'sent' };
    }
    if (!result.permanent) {
      await store.deliveries.markRetry(claimId, result.reason, new Date(now.getTime() + RETRY_AFTER_MS));
      logger.warn(`${key.kind} for ${key.subject} (${team?.name ?? key.workspace}) will be retried: ${result.reason}`);
      return { key, result: 'retry', reason: result.reason };
    }
    const status = 'userId' in to ? 'skipped' : 'failed';
    await store.deliveries.settle(claimId, status, result.reason);
    this.settled.add(id);
    if ('userId' in to && result.inactiveUser) await store.people.markInactive(key.workspace, to.userId);
    if (team && 'channel' in to && (key.kind === 'daily' || key.kind === 'weekly')) await this.reportBroken(team, key.kind, to.channel, result.reason, now);
    logger.warn(`${key.kind} for ${key.subject} (${team?.name ?? key.workspace}) not sent: ${result.reason}`);
    return { key, result: status, reason: result.reason };
  }

  /** Tells the team's managers, once per channel and reason, that their channel does not take messages. */
  private async reportBroken(team: Team, kind: 'daily' | 'weekly', channel: string, reason: string, now: Date): Promise<void> {
    const managers = (await this.options.store.teams.members(team.id)).filter((m) => m.role === 'manager' && m.isActive);
    for (const manager of managers) {
      const key = this.keyOf(team, 'alert', manager.userId, `${reason}:${channel}`);
      await this.deliver(team, key, now, 'due', now, {
        to: { userId: manager.userId },
        build: async () => brokenTeamNotice(team, kind, channel, reason, manager.locale ?? team.settings.locale),
      });
    }
  }
}
