import { randomUUID } from 'node:crypto';
import type { Logger } from '@slack/logger';
import type { ChatPort } from './chat-port.js';
import { planEvening, planMorning } from './member-plans.js';
import { runOneOnOne } from './oneonone-round.js';
import { planClientReport, planDigest, planKickoff, planMonthReview, planWeekly, recipientOf, brokenTeamNotice, type ChannelKind, type Pending, type SlotPlan, type SnapshotCache } from './plans.js';
import { ProfileReader, type ProfileReaderOptions } from './profiles.js';
import { Sender, type Recipient, type SendResult } from './sender.js';
import { beforeCreation, clientSlotsAround, memberSlotsAround, slotState, slotsAround, type Slot, type SlotState } from './slots.js';
import { zoneOf } from '../domain/days.js';
import type { Clock } from '../clock.js';
import type { Locale } from '../domain/locale.js';
import type { DeliveryKey, MemberRecord, Store, Team } from '../store/index.js';

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
  /** How Slack profiles are read for the scheduled DMs (tests shorten the waits). */
  readonly profiles?: ProfileReaderOptions;
}

/** A delivery's key as one string: for the settled set, and as the mark its Slack message carries. */
const idOf = (key: DeliveryKey): string => `${key.workspace}|${key.subject}|${key.kind}|${key.periodKey}`;

/** The deliveries that go to a team's channel: a refusal there is told to the team's managers. */
const CHANNEL_KINDS: ReadonlySet<DeliveryKey['kind']> = new Set(['daily', 'weekly', 'client', 'monthly', 'kickoff']);

/** A claim older than this belongs to a process that stopped in the middle of sending. */
export const CLAIM_LEASE_MS = 15 * 60 * 1000;
/** When Slack cannot take a message now, the next try comes this much later (within the catch-up window). */
const RETRY_AFTER_MS = 5 * 60 * 1000;
/** How far before its slot a delivery's earlier post is looked for (clocks differ a little). */
const MARK_SLACK_MS = 5 * 60 * 1000;
/** How long before a person's morning or evening their Slack profile is read, so the slot itself waits on no one. */
const PROFILE_LEAD_MS = 60 * 60 * 1000;

/** What happened to one delivery in a tick, for logs and tests. */
export interface DeliveryOutcome {
  readonly key: DeliveryKey;
  readonly result: 'sent' | 'skipped' | 'failed' | 'retry';
  readonly reason?: string;
}

/**
 * The minute tick. Each tick asks what is due: for every team in its own zone the daily digest on
 * workdays and the weekly review on its day; for its members, in each one's own zone, their morning
 * (the plan for the day, a manager's pace alerts) and their evening reminder; 1on1 preps and
 * check-ins. Each delivery is claimed under its unique key before it is sent and marked sent with
 * Slack's `ts` after. A slot missed while the bot was down is sent late within the team's catch-up
 * window, and recorded as skipped past it; a slot from before the team (or the person in it, or
 * the 1on1 schedule) existed is neither. Every step is recorded in the database, so ticks are
 * idempotent and the process can stop at any point.
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly sender: Sender;
  private readonly profiles: ProfileReader;
  /** Keys settled in this process, so a tick does not read them again every minute. */
  private readonly settled = new Set<string>();
  /** Member slots whose recipients' profiles were read when the slot came due (once is enough). */
  private readonly profilesRead = new Set<string>();
  private running: Promise<DeliveryOutcome[]> | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.sender = options.sender ?? new Sender(options.chat);
    this.profiles = new ProfileReader(options.store, options.chat, options.logger, options.profiles);
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
    this.profiles.startTick();
    const outcomes: DeliveryOutcome[] = [];
    const cache: SnapshotCache = new Map();
    const [teams, zones] = await Promise.all([store.teams.all(), store.teams.memberZones()]);
    for (const team of teams) {
      try {
        // A client engagement gets its report and nothing else: no digest, review or DMs of its own.
        const slots = team.engagement ? clientSlotsAround(team.settings, team.engagement.report, now) : slotsAround(team.settings, now);
        for (const slot of slots) {
          if (beforeCreation(team, slot.at)) continue;
          const state = slotState(slot.at, now, team.settings.catchupHours);
          if (state === 'early') continue;
          const plan = this.teamPlan(team, slot, cache);
          outcomes.push(...(await this.runPlan(team, plan, slot, state, now, `slot|${team.id}|${slot.kind}|${slot.day}`)));
        }
        if (!team.engagement) outcomes.push(...(await this.runMemberSlots(team, zones.get(team.id) ?? [], now, cache)));
      } catch (error) {
        // One broken team never stops the others.
        logger.error(`Scheduled messages of team ${team.name} (${team.id}) failed this tick:`, error);
      }
    }
    const teamsById = new Map(teams.map((t) => [t.id, t]));
    const round = { ...this.options, profiles: this.profiles, deliver: this.deliver.bind(this) };
    for (const schedule of await store.oneonones.all()) {
      try {
        outcomes.push(...(await runOneOnOne(round, schedule, now, teamsById)));
      } catch (error) {
        logger.error(`The 1on1 of ${schedule.rep} with ${schedule.manager} failed this tick:`, error);
      }
    }
    return outcomes;
  }

  /**
   * The mornings and evenings of a team's members, zone by zone: in the hour before a slot its
   * people's stale Slack profiles are read (bounded; see `ProfileReader`), once more when it comes
   * due, and then each is sent in that person's language.
   */
  private async runMemberSlots(team: Team, rawZones: readonly (string | null)[], now: Date, cache: SnapshotCache): Promise<DeliveryOutcome[]> {
    const { store, defaultZone } = this.options;
    const zones = [...new Set(rawZones.map((z) => zoneOf({ timeZone: z }, team, defaultZone)))];
    let members: Promise<MemberRecord[]> | null = null;
    const inZone = async (zone: string) => (await (members ??= store.teams.members(team.id))).filter((m) => m.isActive && zoneOf(m, team, defaultZone) === zone);
    const readProfiles = async (zone: string) => {
      const people = await inZone(zone);
      if (!this.profiles.needsReading(team.workspace, people, now)) return;
      if ((await this.profiles.refresh(team.workspace, people, now, team.settings.timezone)) > 0) members = null;
    };
    const outcomes: DeliveryOutcome[] = [];
    for (const zone of zones) {
      for (const slot of memberSlotsAround(team.settings, zone, now)) {
        if (beforeCreation(team, slot.at)) continue;
        const state = slotState(slot.at, now, team.settings.catchupHours);
        const slotId = `${slot.kind}|${team.id}|${slot.day}|${zone}`;
        if (state === 'early') {
          if (slot.at.getTime() - now.getTime() <= PROFILE_LEAD_MS) await readProfiles(zone);
          continue;
        }
        if (this.settled.has(slotId)) continue;
        if (state === 'due' && !this.profilesRead.has(slotId)) {
          await readProfiles(zone);
          // A few slots a team a day: forgetting old ones now and then only costs a read that finds nothing stale.
          if (this.profilesRead.size > 10_000) this.profilesRead.clear();
          this.profilesRead.add(slotId);
        }
        const input = { store, team, slotDay: slot.day, slotAt: slot.at, members: await inZone(zone), cache, missed: state === 'missed' };
        const plan = slot.kind === 'morning' ? planMorning(input) : planEvening(input);
        outcomes.push(...(await this.runPlan(team, plan, slot, state, now, slotId)));
      }
    }
    return outcomes;
  }

  /** What a team's slot sends to its channel. */
  private teamPlan(team: Team, slot: Slot, cache: SnapshotCache): SlotPlan {
    const { store } = this.options;
    switch (slot.kind) {
      case 'client':
        return planClientReport(store, team, slot.day, slot.at);
      case 'daily':
        return planDigest(store, team, slot.day, cache);
      case 'monthly':
        return planMonthReview(store, team, slot.day);
      case 'kickoff':
        return planKickoff(store, team, slot.day);
      default:
        return planWeekly(store, team, slot.day);
    }
  }

  private keyOf(team: Team, kind: DeliveryKey['kind'], subject: string, periodKey: string): DeliveryKey {
    return { workspace: team.workspace, kpiTeam: team.id, subject, kind, periodKey };
  }

  /**
   * Sends a slot's deliveries. Once all of them are settled (sent, skipped or failed for good) the
   * slot is not planned again on later ticks of its window: its recipients, and the reads behind
   * them, were worked out once. One waiting for a retry keeps it planned.
   */
  private async runPlan(team: Team, plan: SlotPlan, slot: Slot, state: SlotState, now: Date, slotId: string): Promise<DeliveryOutcome[]> {
    if (this.settled.has(slotId)) return [];
    const outcomes: DeliveryOutcome[] = [];
    const keys: DeliveryKey[] = [];
    for (const item of await plan.recipients()) {
      const key = this.keyOf(team, item.kind, item.subject, 'periodKey' in item ? item.periodKey : slot.day);
      keys.push(key);
      const outcome = await this.deliver(team, key, slot.at, state, now, { to: recipientOf(item), build: () => plan.build(item) });
      if (outcome) outcomes.push(outcome);
    }
    if (keys.every((k) => this.settled.has(idOf(k)))) this.settled.add(slotId);
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
    if (team && 'channel' in to && CHANNEL_KINDS.has(key.kind)) await this.reportBroken(team, key.kind as ChannelKind, to.channel, result.reason, now);
    logger.warn(`${key.kind} for ${key.subject} (${team?.name ?? key.workspace}) not sent: ${result.reason}`);
    return { key, result: status, reason: result.reason };
  }

  /** Tells the team's managers (a client engagement's: its agency team's), once per channel and reason, that their channel does not take messages. */
  private async reportBroken(team: Team, kind: ChannelKind, channel: string, reason: string, now: Date): Promise<void> {
    const runBy = team.engagement ? team.engagement.parentTeam : team.id;
    const managers = runBy === null ? [] : (await this.options.store.teams.members(runBy)).filter((m) => m.role === 'manager' && m.isActive);
    for (const manager of managers) {
      const key = this.keyOf(team, 'alert', manager.userId, `${reason}:${channel}`);
      await this.deliver(team, key, now, 'due', now, {
        to: { userId: manager.userId },
        build: async () => brokenTeamNotice(team, kind, channel, reason, manager.locale ?? team.settings.locale),
      });
    }
  }
}
