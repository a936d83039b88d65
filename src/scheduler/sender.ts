import { ChartPosters } from './chart-poster.js';
import { slackErrorOf, type ChatPort, type SlackCallError } from './chat-port.js';
import type { Message } from '../reports/blocks.js';

/** Where a scheduled message goes: a channel, or a person's DM. */
export type Recipient = { readonly channel: string } | { readonly userId: string };

/**
 * What makes a scheduled message findable in Slack: its delivery key (carried in the message's
 * metadata), when it could first have been posted, and whether an earlier try may have been taken.
 */
interface DeliveryMark {
  readonly key: string;
  readonly since: Date;
  /** An earlier send of this delivery failed without a clear answer: look before posting. */
  readonly maybePosted: boolean;
}

export type SendResult =
  | { readonly ok: true; readonly channel: string; readonly ts: string }
  /** Slack will not take it as things are (`channel_not_found`, a deactivated user …). */
  | { readonly ok: false; readonly permanent: true; readonly reason: string; readonly inactiveUser: boolean }
  /** Slack could not take it now (rate limited, 5xx, no answer) even after retrying. */
  | { readonly ok: false; readonly permanent: false; readonly reason: string };

/** Whether Slack has a message: found, not there, or Slack could not say (and why). */
export type SentLookup =
  | { readonly state: 'found'; readonly channel: string; readonly ts: string }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown'; readonly reason: string };

/** A failed Slack call in a delivery's reason: `Slack answered 503`, `no answer from Slack (…)`. */
function describeSlackError(e: SlackCallError): string {
  switch (e.kind) {
    case 'rateLimited':
      return 'rate limited by Slack';
    case 'server':
      return `Slack answered ${e.status}`;
    case 'platform':
      return e.error;
    case 'network':
      return `no answer from Slack (${e.detail})`;
  }
}

/** Slack's answers that retrying will not change. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'restricted_action',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'missing_scope',
  'invalid_blocks',
  'msg_too_long',
  'no_text',
]);

const INACTIVE_USER = new Set(['account_inactive', 'user_not_found', 'user_disabled']);

export interface SenderOptions {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** At most one message per channel in this many ms (Slack allows about one a second). */
  readonly channelGapMs?: number;
  readonly maxAttempts?: number;
  /** Longer a Retry-After than this and the message waits for a later tick instead. */
  readonly maxWaitMs?: number;
  /**
   * How charts are drawn, per workspace: Slack's native block, falling back to uploaded PNGs (see
   * `ChartPoster`). Shared with the other paths that show charts; by default the sender's own.
   */
  readonly charts?: ChartPosters;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one sender of every scheduled message: about one message a second per channel, `Retry-After`
 * on 429, backoff on 5xx and network errors, and nothing retried once Slack has accepted it. An
 * error answer means Slack did not take the message; no answer (a timeout, a dropped connection)
 * may mean it did, so before posting a marked message again the sender asks Slack whether the
 * channel already holds it, and settles for that one if so.
 */
export class Sender {
  private readonly lastPost = new Map<string, number>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly gap: number;
  private readonly maxAttempts: number;
  private readonly maxWait: number;
  /** Draws the charts of the messages this sender posts, one poster per workspace. */
  readonly charts: ChartPosters;

  constructor(
    private readonly chat: ChatPort,
    options: SenderOptions = {},
  ) {
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.gap = options.channelGapMs ?? 1100;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxWait = options.maxWaitMs ?? 60_000;
    this.charts = options.charts ?? new ChartPosters(chat, { sleep: this.sleep, now: this.now });
  }

  /** Sends a message; `workspace` picks whose chart poster draws its charts (one workspace by default). */
  async send(to: Recipient, message: Message, mark?: DeliveryMark, workspace = ''): Promise<SendResult> {
    // DOMAIN.md rule 5: a channel sees team totals; a person's chart goes to them or their manager.
    if ('channel' in to && (message.charts ?? []).some((c) => c.chart.audience !== 'team')) throw new Error(`a person's chart was addressed to channel ${to.channel}`);
    let channel: string;
    if ('channel' in to) channel = to.channel;
    else {
      const opened = await this.attempt(() => this.chat.openDm(to.userId));
      if (!opened.ok) return opened.result;
      channel = opened.value;
    }
    let maybePosted = mark?.maybePosted ?? false;
    const posted = await this.attempt(
      async () => {
        if (mark && maybePosted) {
          const found = await this.findPosted(channel, mark);
          if (found) return found;
        }
        await this.spaceOut(channel);
        return this.charts.of(workspace).post(channel, message, mark?.key);
      },
      (error) => {
        if (error.kind === 'network') maybePosted = true;
      },
    );
    if (!posted.ok) return posted.result;
    return { ok: true, channel: posted.value.channel, ts: posted.value.ts };
  }

  /** Asks Slack once whether it has the marked message, for a delivery that will not be tried again. */
  async findSent(to: Recipient, mark: Omit<DeliveryMark, 'maybePosted'>): Promise<SentLookup> {
    try {
      const channel = 'channel' in to ? to.channel : await this.chat.openDm(to.userId);
      const found = await this.chat.findPosted(channel, mark.key, mark.since);
      return found ? { state: 'found', ...found } : { state: 'absent' };
    } catch (error) {
      const e = slackErrorOf(error);
      if (!e) throw error;
      return { state: 'unknown', reason: describeSlackError(e) };
    }
  }

  /**
   * The marked message if Slack already has it. A lookup Slack cannot answer now (no answer, 5xx,
   * 429) fails like a post would, and is tried again. A lookup Slack refuses (an install from before
   * the history scopes, say) counts as not found: posting again then risks a duplicate, not posting
   * risks losing the message, and a duplicate is the lesser harm.
   */
  private async findPosted(channel: string, mark: DeliveryMark): Promise<{ channel: string; ts: string } | null> {
    try {
      return await this.chat.findPosted(channel, mark.key, mark.since);
    } catch (error) {
      if (slackErrorOf(error)?.kind !== 'platform') throw error;
      return null;
    }
  }

  private async spaceOut(channel: string): Promise<void> {
    const last = this.lastPost.get(channel);
    if (last !== undefined) {
      const wait = last + this.gap - this.now();
      if (wait > 0) await this.sleep(wait);
    }
    this.lastPost.set(channel, this.now());
  }

  private async attempt<T>(
    call: () => Promise<T>,
    onError: (error: SlackCallError) => void = () => undefined,
  ): Promise<{ ok: true; value: T } | { ok: false; result: Exclude<SendResult, { ok: true }> }> {
    let last: SlackCallError = { kind: 'network', detail: 'not tried' };
    let backoff = 500;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      try {
        return { ok: true, value: await call() };
      } catch (error) {
        const e = slackErrorOf(error);
        if (!e) throw error;
        last = e;
        onError(e);
        if (e.kind === 'platform') {
          if (PERMANENT.has(e.error)) return { ok: false, result: { ok: false, permanent: true, reason: e.error, inactiveUser: INACTIVE_USER.has(e.error) } };
        }
        if (attempt === this.maxAttempts) break;
        const wait = e.kind === 'rateLimited' ? e.retryAfterSeconds * 1000 : backoff;
        if (e.kind !== 'rateLimited') backoff *= 2;
        if (wait > this.maxWait) break;
        await this.sleep(wait);
      }
    }
    return { ok: false, result: { ok: false, permanent: false, reason: describeSlackError(last) } };
  }
}
