import { webApi } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import type { View } from '@slack/types';
import { isTimeZone } from '../domain/days.js';
import { localeFromSlack } from '../i18n/index.js';
import type { Message } from '../reports/blocks.js';
import type { ChatPort, SlackCallError } from '../scheduler/chat-port.js';
import type { SlackProfile } from '../store/index.js';

const { WebClient, ErrorCode } = webApi;

/** The metadata event type that marks the bot's scheduled messages with their delivery key. */
const DELIVERY_EVENT = 'kpi_bot_delivery';
/** The alt text `files.getUploadURLExternal` keeps (the image block carries the full one). */
const ALT_TEXT_LIMIT = 1000;
type WebClientType = InstanceType<typeof WebClient>;

export interface SlackClientOptions {
  readonly token: string;
  /** Base URL of the Web API (`SLACK_API_URL`), or null for Slack's. */
  readonly apiUrl: string | null;
  readonly logger: Logger;
  /** Per-call timeout; a timed-out call counts as a network error. */
  readonly timeoutMs?: number;
}

/** Where the Web API is (`SLACK_API_URL`, or Slack's) and how long a call may take: every client of the bot. */
export function slackEndpoint(apiUrl: string | null, timeoutMs = 10_000) {
  return { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), timeout: timeoutMs };
}

/** The options every Web API client of the bot shares, Bolt's own included: same endpoint, no hidden retries. */
export function webClientOptions(apiUrl: string | null, logger: Logger, timeoutMs?: number) {
  return {
    ...slackEndpoint(apiUrl, timeoutMs),
    logger,
    // Retries are decided by the delivery layer, which knows whether a message was already accepted.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
}

/** Sorts a Web API failure into what the caller can act on. */
export function classifySlackError(error: unknown): SlackCallError {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'rateLimited', retryAfterSeconds: e.retryAfter ?? 1 };
    case ErrorCode.HTTPError:
      return (e.statusCode ?? 500) >= 500 ? { kind: 'server', status: e.statusCode ?? 500 } : { kind: 'platform', error: `http_${e.statusCode}` };
    case ErrorCode.PlatformError:
      return { kind: 'platform', error: e.data?.error ?? 'unknown_error' };
    case ErrorCode.RequestError:
      return { kind: 'network', detail: String((error as Error).message) };
    default:
      return { kind: 'network', detail: String((error as Error)?.message ?? error) };
  }
}

/** Why a Web API call never reached Slack (no connection, DNS, a timeout); null for any other error. */
export function unreachableSlackCause(error: unknown): string | null {
  const e = error as { code?: string; original?: Error; message?: string } | null;
  return e?.code === ErrorCode.RequestError ? (e.original?.message ?? e.message ?? 'no answer') : null;
}

/**
 * The one module that calls Slack's Web API. Everything else sees `ChatPort`; the tests point
 * `SLACK_API_URL` at a fake Slack on 127.0.0.1.
 */
export class SlackClient implements ChatPort {
  readonly web: WebClientType;

  constructor(options: SlackClientOptions) {
    this.web = new WebClient(options.token, webClientOptions(options.apiUrl, options.logger, options.timeoutMs));
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw Object.assign(new Error(`Slack call failed: ${(error as Error).message}`), { slack: classifySlackError(error) });
    }
  }

  async userProfile(teamId: string, userId: string): Promise<SlackProfile> {
    const res = await this.call(() => this.web.users.info({ user: userId, include_locale: true }));
    const u = res.user ?? {};
    const zone = typeof u.tz === 'string' && isTimeZone(u.tz) ? u.tz : null;
    const status = u.profile?.status_text || u.profile?.status_emoji ? u.profile : null;
    return {
      teamId,
      userId,
      name: u.profile?.display_name || u.real_name || u.name || null,
      locale: localeFromSlack(u.locale),
      timeZone: zone,
      isSlackAdmin: Boolean(u.is_admin || u.is_owner || u.is_primary_owner),
      isActive: !u.deleted,
      status: status
        ? { text: status.status_text ?? '', emoji: status.status_emoji ?? '', expiresAt: status.status_expiration ? new Date(status.status_expiration * 1000) : null }
        : null,
    };
  }

  async postMessage(channel: string, message: Message, deliveryKey?: string): Promise<{ channel: string; ts: string }> {
    const res = await this.call(() =>
      this.web.chat.postMessage({
        channel,
        text: message.text,
        blocks: [...message.blocks],
        unfurl_links: false,
        unfurl_media: false,
        ...(deliveryKey ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { key: deliveryKey } } } : {}),
      }),
    );
    return { channel: res.channel ?? channel, ts: res.ts ?? '' };
  }

  async findPosted(channel: string, deliveryKey: string, since: Date): Promise<{ channel: string; ts: string } | null> {
    const oldest = String(Math.floor(since.getTime() / 1000));
    let cursor: string | undefined;
    // A channel rarely holds more than a page of messages since a delivery's slot; a few pages at most.
    for (let page = 0; page < 5; page += 1) {
      const res = await this.call(() => this.web.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) }));
      const found = (res.messages ?? []).find((m) => m.metadata?.event_type === DELIVERY_EVENT && (m.metadata.event_payload as { key?: unknown } | undefined)?.key === deliveryKey);
      if (found?.ts) return { channel, ts: found.ts };
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return null;
  }

  async postEphemeral(channel: string, userId: string, message: Message): Promise<void> {
    await this.call(() => this.web.chat.postEphemeral({ channel, user: userId, text: message.text, blocks: [...message.blocks] }));
  }

  async openDm(userId: string): Promise<string> {
    const res = await this.call(() => this.web.conversations.open({ users: userId }));
    const id = res.channel?.id;
    if (!id) throw Object.assign(new Error('conversations.open returned no channel'), { slack: { kind: 'platform', error: 'no_channel' } });
    return id;
  }

  async openView(triggerId: string, view: View): Promise<void> {
    await this.call(() => this.web.views.open({ trigger_id: triggerId, view }));
  }

  async uploadFile(channel: string, file: { filename: string; title: string; content: string; comment: string }): Promise<void> {
    await this.call(() =>
      this.web.files.uploadV2({ channel_id: channel, filename: file.filename, title: file.title, content: file.content, initial_comment: file.comment }),
    );
  }

  /**
   * `files.uploadV2` does Slack's three steps: `files.getUploadURLExternal`, the POST of the bytes to
   * the URL it gives, and `files.completeUploadExternal`; without a channel the file is shared
   * nowhere and only the messages that show it in an image block display it.
   */
  async uploadImage(image: { filename: string; title: string; altText: string; png: Uint8Array }): Promise<string> {
    const res = await this.call(() =>
      this.web.files.uploadV2({ file: Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength), filename: image.filename, title: image.title, alt_text: image.altText.slice(0, ALT_TEXT_LIMIT) }),
    );
    const completed = (res as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id;
    if (!completed) throw Object.assign(new Error('files.completeUploadExternal returned no file'), { slack: { kind: 'platform', error: 'no_file' } });
    return completed;
  }

  async publishHome(userId: string, view: View): Promise<void> {
    await this.call(() => this.web.views.publish({ user_id: userId, view }));
  }
}
