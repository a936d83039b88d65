import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { postSigned, slackSignature, slashCommandBody } from '../harness/signing.js';
import { messages } from '../../src/i18n/index.js';

const JA_USER = 'U0002';

describe('oversized requests', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
    t.slack.users.set(JA_USER, { id: JA_USER, locale: 'ja-JP', tz: 'Asia/Tokyo' });
  });
  afterAll(async () => {
    await t.stop();
  });

  const stored = async () => (await t.bot.store.activity.entriesOf('T0001', 'U0001')).length + (await t.bot.store.activity.entriesOf('T0001', JA_USER)).length;

  it.each([
    ['U0001', 'en'],
    [JA_USER, 'ja'],
  ] as const)('a text of 10,000 characters gets the “too long” answer in the person’s language (%s, %s) at once, and nothing is stored', async (userId, locale) => {
    const started = Date.now();
    const reply = await t.reply(`log calls 5 -- ${'very long note '.repeat(700)}`.slice(0, 10_000), { userId });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(messages(locale).problems.textTooLong({ max: 4000 }));
    expect(await stored()).toBe(0);
  });

  it('a signed request body of a megabyte gets its answer well inside Slack’s 3 seconds, and nothing is stored', async () => {
    const body = slashCommandBody({ text: `log calls 5 -- ${'x'.repeat(1_048_576)}` });
    expect(body.length).toBeGreaterThan(1_048_576);
    const started = Date.now();
    const res = await postSigned(t.eventsUrl, body);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { text: string }).text).toBe(messages('en').problems.textTooLong({ max: 4000 }));
    expect(await stored()).toBe(0);
  });

  it('a client that never finishes sending its body does not hold up stopping the bot', async () => {
    const own = await startTestBot();
    const socket = connect(own.bot.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    await new Promise<void>((resolve) =>
      socket.write(`POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1048576\r\n\r\ntext=${'x'.repeat(1000)}`, () => resolve()),
    );
    socket.on('error', () => undefined);
    const started = Date.now();
    await own.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    socket.destroy();
  });

  it('a body over the 4 MB limit gets 413 and an unsigned megabyte 401, both at once', async () => {
    let started = Date.now();
    const body = slashCommandBody({ text: 'x'.repeat(5 * 1024 * 1024) });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(t.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body, Math.floor(Date.now() / 1000)) } });
      // The client stops sending once it has the answer.
      req.on('response', (res) => {
        resolve(res.statusCode);
        req.destroy();
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.end(body);
    });
    expect(status).toBe(413);
    expect(Date.now() - started).toBeLessThan(1500);
    started = Date.now();
    const unsigned = await fetch(t.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: slashCommandBody({ text: 'x'.repeat(1024 * 1024) }) });
    expect(unsigned.status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await stored()).toBe(0);
  });
});
