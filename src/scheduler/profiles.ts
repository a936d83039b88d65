import type { Logger } from '@slack/logger';
import { slackErrorOf, type ChatPort } from './chat-port.js';
import { daysOf } from '../domain/calendar.js';
import { addDays, dayInZone } from '../domain/days.js';
import { isProfileStale, vacationDays } from '../domain/profiles.js';
import type { SlackProfile, Store } from '../store/index.js';

/**
 * Keeps what Slack said about someone: their profile, and the days their vacation status covers
 * (or, when it no longer says vacation, the days from today on it had marked are cancelled; days
 * typed with `/kpi off` are never touched). `fallbackZone` places "today" for a profile without a zone.
 */
export async function keepProfile(store: Store, profile: SlackProfile, at: Date, fallbackZone: string): Promise<void> {
  await store.people.saveProfile(profile, at);
  const zone = profile.timeZone ?? fallbackZone;
  const vacation = vacationDays(profile.status ?? null, at, zone);
  if (vacation) await store.daysOff.add(profile.teamId, profile.userId, daysOf(vacation), 'slack', at);
  else {
    const today = dayInZone(at, zone);
    await store.daysOff.cancel(profile.teamId, profile.userId, today, addDays(today, 400), at, 'slack');
  }
}

export interface ProfileReaderOptions {
  /** `users.info` calls in flight at once. */
  readonly concurrency?: number;
  /** `users.info` calls a tick may make, all teams together (Slack's Tier 4 allows about 100 a minute). */
  readonly perTick?: number;
  /** How long one read may take before it counts as unanswered. */
  readonly timeoutMs?: number;
  /** Unanswered reads in a row after which Slack is left alone for `pauseMs`. */
  readonly failLimit?: number;
  readonly pauseMs?: number;
  /** How long a person whose read failed waits before being read again. */
  readonly retryAfterMs?: number;
}

/** Someone whose profile may need reading. */
export interface ProfileHolder {
  readonly userId: string;
  readonly profileCheckedAt: Date | null;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Reads stale Slack profiles for the scheduler, bounded so a large morning never waits on Slack: at
 * most `perTick` reads a tick, `concurrency` at a time, each cut off after `timeoutMs`; after
 * `failLimit` unanswered reads in a row Slack is not asked for `pauseMs`, and the messages go out with
 * what is known (an unknown language is the team's). The scheduler reads a morning's recipients in
 * the hour before their slot, so at the slot itself there is usually nothing left to read.
 */
export class ProfileReader {
  private readonly concurrency: number;
  private readonly perTick: number;
  private readonly timeoutMs: number;
  private readonly failLimit: number;
  private readonly pauseMs: number;
  private readonly retryAfterMs: number;
  private budget = 0;
  private failuresInRow = 0;
  private pausedUntil = 0;
  /** When a person's last read failed, by `workspace|user`. */
  private readonly failedAt = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly chat: ChatPort,
    private readonly logger: Logger,
    options: ProfileReaderOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 6;
    this.perTick = options.perTick ?? 60;
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.failLimit = options.failLimit ?? 3;
    this.pauseMs = options.pauseMs ?? 5 * 60 * 1000;
    this.retryAfterMs = options.retryAfterMs ?? 10 * 60 * 1000;
  }

  /** A new tick: a new budget of reads. */
  startTick(): void {
    this.budget = this.perTick;
  }

  /** Whether any of these people would be read now. */
  needsReading(workspace: string, people: readonly ProfileHolder[], now: Date): boolean {
    return people.some((p) => this.due(workspace, p, now));
  }

  private due(workspace: string, p: ProfileHolder, now: Date): boolean {
    if (!isProfileStale(p.profileCheckedAt, now)) return false;
    const failed = this.failedAt.get(`${workspace}|${p.userId}`);
    return failed === undefined || now.getTime() - failed >= this.retryAfterMs;
  }

  /**
   * Reads the stale profiles of these people, as many as this tick still allows, and keeps what
   * Slack says. Resolves with how many were read; never throws for Slack's sake.
   */
  async refresh(workspace: string, people: readonly ProfileHolder[], now: Date, fallbackZone: string): Promise<number> {
    const queue = people.filter((p) => this.due(workspace, p, now));
    let read = 0;
    while (queue.length > 0 && this.budget > 0 && now.getTime() >= this.pausedUntil) {
      const batch = queue.splice(0, Math.min(this.concurrency, this.budget));
      this.budget -= batch.length;
      const results = await Promise.all(batch.map((p) => this.readOne(workspace, p.userId, now, fallbackZone)));
      read += results.filter(Boolean).length;
    }
    return read;
  }

  private async readOne(workspace: string, userId: string, now: Date, fallbackZone: string): Promise<boolean> {
    const key = `${workspace}|${userId}`;
    let profile: SlackProfile;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), this.timeoutMs);
      });
      const answer = await Promise.race([this.chat.userProfile(workspace, userId), timeout]);
      if (answer === TIMED_OUT) throw Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { slack: { kind: 'network', detail: 'timeout' } });
      profile = answer;
    } catch (error) {
      this.failed(key, error, now);
      return false;
    } finally {
      clearTimeout(timer);
    }
    this.failuresInRow = 0;
    this.failedAt.delete(key);
    try {
      await keepProfile(this.store, profile, now, fallbackZone);
      return true;
    } catch (error) {
      this.logger.warn(`keeping the Slack profile of ${userId} failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** A read that failed: the person waits `retryAfterMs`; Slack not answering `failLimit` times in a row pauses reading. */
  private failed(key: string, error: unknown, now: Date): void {
    this.failedAt.set(key, now.getTime());
    const e = slackErrorOf(error);
    if (!e) throw error;
    // A refusal about this person (user_not_found) says nothing about Slack being there.
    if (e.kind === 'platform') return;
    this.failuresInRow += 1;
    if (this.failuresInRow < this.failLimit) return;
    const pause = e.kind === 'rateLimited' ? Math.max(this.pauseMs, e.retryAfterSeconds * 1000) : this.pauseMs;
    this.pausedUntil = now.getTime() + pause;
    this.failuresInRow = 0;
    this.logger.warn(`Slack did not answer ${this.failLimit} profile reads in a row; messages go out with the profiles known (or the team's language) for ${Math.round(pause / 60000)} min.`);
  }
}
