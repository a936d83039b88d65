import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/** The headers Slack sends with a request: `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function slackSignature(body: string, timestampSeconds: number, secret = SIGNING_SECRET): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return {
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': `v0=${signature}`,
  };
}

export interface SlashCommand {
  readonly text: string;
  readonly userId?: string;
  readonly teamId?: string;
  readonly channelId?: string;
  readonly triggerId?: string;
  readonly responseUrl?: string;
}

let triggerCounter = 0;

/** The form body Slack posts for `/kpi …`. */
export function slashCommandBody(c: SlashCommand): string {
  triggerCounter += 1;
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: c.teamId ?? 'T0001',
    team_domain: 'example',
    channel_id: c.channelId ?? 'C0001',
    channel_name: 'sales',
    user_id: c.userId ?? 'U0001',
    user_name: 'rep',
    command: '/kpi',
    text: c.text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: c.responseUrl ?? 'http://127.0.0.1:9/unused',
    trigger_id: c.triggerId ?? `${Date.now()}.${triggerCounter}.trigger`,
  }).toString();
}

/** Sends a signed form post to the bot, as Slack would. */
export async function postSigned(
  url: string,
  body: string,
  options: { timestampSeconds?: number; secret?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const ts = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      ...slackSignature(body, ts, options.secret),
      ...options.headers,
    },
    body,
  });
}

/** The form body Slack posts for a click or a form submission: one field, `payload`, holding JSON. */
export function interactivityBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let eventCounter = 0;

/** The JSON body Slack posts for an Events API event, wrapped as an `event_callback`. */
export function eventCallbackBody(event: Record<string, unknown>, teamId = 'T0001'): string {
  eventCounter += 1;
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0001',
    event,
    type: 'event_callback',
    event_id: `Ev${String(eventCounter).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}
