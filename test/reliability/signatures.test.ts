import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { appHomeOpened, blockAction } from '../harness/payloads.js';
import { eventCallbackBody, interactivityBody, SIGNING_SECRET, slackSignature, slashCommandBody } from '../harness/signing.js';

const now = () => Math.floor(Date.now() / 1000);

/** The three kinds of request Slack sends to /slack/events, each as it would be signed. */
const REQUESTS = [
  { kind: 'slash command', body: () => slashCommandBody({ text: 'log calls 30', userId: 'U0001' }), contentType: 'application/x-www-form-urlencoded' },
  { kind: 'button click', body: () => interactivityBody(blockAction('open_log_form', { userId: 'U0001' })), contentType: 'application/x-www-form-urlencoded' },
  { kind: 'event', body: () => eventCallbackBody(appHomeOpened('U0001')), contentType: 'application/json' },
] as const;

/** Ways a request can fail the check: the headers it carries for a body, given the right signature. */
const BAD: readonly { name: string; headers: (body: string) => Record<string, string> }[] = [
  { name: 'no signature headers at all', headers: () => ({}) },
  { name: 'a signature but no timestamp', headers: (b) => ({ 'x-slack-signature': slackSignature(b, now())['x-slack-signature']! }) },
  { name: 'a timestamp but no signature', headers: () => ({ 'x-slack-request-timestamp': String(now()) }) },
  { name: 'signed with another secret', headers: (b) => slackSignature(b, now(), 'someoneelsessecret0123456789abcd') },
  { name: 'signed for a different body', headers: (b) => slackSignature(`${b}&extra=1`, now()) },
  { name: 'an unknown signature version', headers: (b) => ({ ...slackSignature(b, now()), 'x-slack-signature': slackSignature(b, now())['x-slack-signature']!.replace('v0=', 'v1=') }) },
  { name: 'an empty signature', headers: () => ({ 'x-slack-request-timestamp': String(now()), 'x-slack-signature': 'v0=' }) },
  { name: 'a truncated signature', headers: (b) => ({ ...slackSignature(b, now()), 'x-slack-signature': slackSignature(b, now())['x-slack-signature']!.slice(0, 40) }) },
  { name: 'a timestamp that is not a number', headers: (b) => ({ ...slackSignature(b, now()), 'x-slack-request-timestamp': 'yesterday' }) },
  { name: 'a stale timestamp (5 minutes and 1 second old, correctly signed)', headers: (b) => slackSignature(b, now() - 301) },
  { name: 'a stale timestamp (a day old, correctly signed)', headers: (b) => slackSignature(b, now() - 86_400) },
  { name: 'a timestamp 5 minutes and 1 second ahead (correctly signed)', headers: (b) => slackSignature(b, now() + 301) },
  { name: 'a timestamp a day ahead (correctly signed)', headers: (b) => slackSignature(b, now() + 86_400) },
  { name: 'a timestamp years ahead (correctly signed)', headers: (b) => slackSignature(b, now() + 10 * 365 * 86_400) },
];

describe('requests that are not signed by Slack', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(async () => {
    await t.stop();
  });

  /** Every table's row count and every Slack call so far: what a refused request must leave as it was. */
  async function state(): Promise<{ rows: Record<string, number>; slackCalls: number }> {
    const rows = await t.bot.store.write(async (tx) => {
      const tables = await tx.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
      const out: Record<string, number> = {};
      for (const { name } of tables) out[name] = (await tx.get<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`))!.n;
      return out;
    });
    return { rows, slackCalls: t.slack.calls.length };
  }

  const send = (body: string, headers: Record<string, string>, contentType: string) =>
    fetch(t.eventsUrl, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

  it.each(BAD.flatMap((bad) => REQUESTS.map((r) => [r.kind, bad.name, r, bad] as const)))('a %s with %s gets 401 and changes nothing', async (_kind, _name, request, bad) => {
    const before = await state();
    const body = request.body();
    const res = await send(body, bad.headers(body), request.contentType);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('');
    expect(await state()).toEqual(before);
  });

  it('random signature and timestamp headers (property-based): always 401, never a change', async () => {
    const before = await state();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...REQUESTS),
        fc.option(fc.oneof(fc.string(), fc.stringMatching(/^v0=[0-9a-f]{64}$/u)), { nil: undefined }),
        fc.option(fc.oneof(fc.string(), fc.integer({ min: 0, max: 2 * now() }).map(String)), { nil: undefined }),
        async (request, signature, timestamp) => {
          const headers: Record<string, string> = {};
          if (signature !== undefined) headers['x-slack-signature'] = signature.replace(/[^\x20-\x7e]/gu, '');
          if (timestamp !== undefined) headers['x-slack-request-timestamp'] = timestamp.replace(/[^\x20-\x7e]/gu, '');
          const res = await send(request.body(), headers, request.contentType);
          expect(res.status).toBe(401);
        },
      ),
      { numRuns: 200 },
    );
    expect(await state()).toEqual(before);
  });

  it('while the same requests signed with the signing secret go through, within five minutes of now either way (clocks differ a little)', async () => {
    for (const skew of [0, -240, 240]) {
      const body = slashCommandBody({ text: 'log calls 30', userId: 'U0001' });
      const res = await send(body, slackSignature(body, now() + skew, SIGNING_SECRET), 'application/x-www-form-urlencoded');
      expect(res.status, `skew ${skew} s`).toBe(200);
      expect(await res.text()).toContain('30 calls');
    }
  });
});
