import { slackErrorOf, type ChatPort, type SlackCallError } from './chat-port.js';
import type { Message } from '../reports/blocks.js';

/** Where a scheduled message goes: a channel, or a person's DM. */
export type Recipient = { readonly channel: string } | { readonly userId: string };

export type SendResult =
  | { readonly ok: true; readonly channel: string; readonly ts: string }
  /** Slack will not take it as things are (`channel_not_found`, a deactivated user …). */
  | { readonly ok: false; readonly permanent: true; readonly reason: string; readonly inactiveUser: boolean }
  /** Slack could not take it now (rate limited, 5xx, no answer) even after retrying. */
  | { readonly ok: false; readonly permanent: false; readonly reason: string };

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
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one sender of every scheduled message: about one message a second per channel, `Retry-After`
 * on 429, backoff on 5xx and network errors, and nothing retried once Slack has accepted it
 * (a retry happens only after an error answer or no answer).
 */
export class Sender {
  private readonly lastPost = new Map<string, number>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly gap: number;
  private readonly maxAttempts: number;
  private readonly maxWait: number;

  constructor(
    private readonly chat: ChatPort,
    options: SenderOptions = {},
  ) {
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.gap = options.channelGapMs ?? 1100;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxWait = options.maxWaitMs ?? 60_000;
  }

  async send(to: Recipient, message: Message): Promise<SendResult> {
    let channel: string;
    if ('channel' in to) channel = to.channel;
    else {
      const opened = await this.attempt(() => this.chat.openDm(to.userId));
      if (!opened.ok) return opened.result;
      channel = opened.value;
    }
    const posted = await this.attempt(async () => {
      await this.spaceOut(channel);
      return this.chat.postMessage(channel, message);
    });
    if (!posted.ok) return posted.result;
    return { ok: true, channel: posted.value.channel, ts: posted.value.ts };
  }

  private async spaceOut(channel: string): Promise<void> {
    const last = this.lastPost.get(channel);
    if (last !== undefined) {
      const wait = last + this.gap - this.now();
      if (wait > 0) await this.sleep(wait);
    }
    this.lastPost.set(channel, this.now());
  }

  private async attempt<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; result: Exclude<SendResult, { ok: true }> }> {
    let last: SlackCallError = { kind: 'network', detail: 'not tried' };
    let backoff = 500;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      try {
        return { ok: true, value: await call() };
      } catch (error) {
        const e = slackErrorOf(error);
        if (!e) throw error;
        last = e;
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
    const reason =
      last.kind === 'rateLimited' ? 'rate limited by Slack' : last.kind === 'server' ? `Slack answered ${last.status}` : last.kind === 'platform' ? last.error : `no answer from Slack (${last.detail})`;
    return { ok: false, result: { ok: false, permanent: false, reason } };
  }
}
