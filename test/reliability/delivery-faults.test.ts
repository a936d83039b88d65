import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';

/** Tuesday 24 November 2026, 09:00 in Tokyo: the daily digest, the morning DMs and the weekly review are due. */
const NOW = new Date('2026-11-24T00:00:00Z');
const DAY = '2026-11-24';
const dmChannel = (userId: string) => `D${userId.slice(1)}`;

describe('scheduled delivery while Slack answers 429s, 5xx, nothing at all, channel_not_found, or takes a message without answering', () => {
  let t: TestBot;
  let now: Date;
  beforeEach(async () => {
    now = NOW;
    t = await startTestBot({ clock: () => now, slackTimeoutMs: 300 });
    await seedTokyo(t.bot.store);
  });
  afterEach(async () => {
    await t.stop();
  });

  it('every message arrives exactly once or is reported, and /kpi keeps answering inside Slack’s 3 seconds all the while', async () => {
    // The team's channel is gone; the posts to people meet, in turn: a 429, a 500, no answer, and a
    // 429 asking for two minutes (longer than a tick waits, so that one is left for the next tick).
    t.slack.missingChannels.add('CTOKYO1');
    t.slack.failAfter('chat.postMessage', 0, { status: 429, retryAfter: 1 });
    t.slack.failAfter('chat.postMessage', 1, { status: 500 });
    t.slack.failAfter('chat.postMessage', 1, { hang: true });
    t.slack.failAfter('chat.postMessage', 2, { status: 429, retryAfter: 120 });

    const tick = t.bot.scheduler.tick(NOW);
    let ticking = true;
    void tick.finally(() => (ticking = false));
    const answers: { ms: number; text: string }[] = [];
    for (let i = 0; ticking || i < 5; i += 1) {
      const started = Date.now();
      const reply = await t.reply(`log calls ${i + 1}`, { userId: 'U0042' });
      answers.push({ ms: Date.now() - started, text: reply.text });
      await new Promise((r) => setTimeout(r, 50));
    }
    const first = await tick;
    expect(answers.length).toBeGreaterThanOrEqual(10);
    for (const a of answers) {
      expect(a.text).toMatch(/^✅/u);
      expect(a.ms).toBeLessThan(2500);
    }
    expect(first.filter((o) => o.result === 'retry')).toHaveLength(1);

    // The next tick, once the retry is due, sends what was left; nothing goes twice.
    now = new Date(NOW.getTime() + 6 * 60_000);
    const second = await t.bot.scheduler.tick(now);
    expect(second.map((o) => o.result)).toEqual(['sent']);
    await t.bot.scheduler.tick(new Date(NOW.getTime() + 12 * 60_000));

    const failedAttempts = t.slack.callsTo('chat.postMessage').filter((c) => !c.ok && c.body.channel !== 'CTOKYO1');
    expect(failedAttempts).toHaveLength(4);
    const accepted = t.slack.accepted('chat.postMessage');
    for (const person of [MANAGER, ...REPS]) {
      const morning = accepted.filter((c) => c.body.channel === dmChannel(person) && !String(c.body.text).includes('CTOKYO1'));
      expect(morning, `morning DM to ${person}`).toHaveLength(1);
    }
    // The channel's messages are recorded as failed with the reason, and the manager is told once.
    expect(accepted.filter((c) => c.body.channel === 'CTOKYO1')).toEqual([]);
    const deliveries = await t.bot.store.deliveries.list({ periodKey: DAY });
    const channelMessages = deliveries.filter((d) => d.kind === 'daily' || d.kind === 'weekly');
    expect(channelMessages.map((d) => [d.kind, d.status, d.reason])).toEqual([
      ['daily', 'failed', 'channel_not_found'],
      ['weekly', 'failed', 'channel_not_found'],
    ]);
    expect(deliveries.filter((d) => d.kind === 'dm').map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    const alerts = accepted.filter((c) => c.body.channel === dmChannel(MANAGER) && String(c.body.text).includes('CTOKYO1'));
    expect(alerts).toHaveLength(1);
  }, 30_000);

  /** Every message the fake Slack holds, with the delivery key it was posted under. */
  const held = () =>
    [...t.slack.posted].flatMap(([channel, messages]) => messages.map((m) => ({ channel, ts: m.ts, key: String(m.metadata?.event_payload.key ?? '') })));

  it('a message Slack took without answering is found in the channel and not posted again', async () => {
    t.slack.failNext('chat.postMessage', { takeThenHang: true });
    const outcomes = await t.bot.scheduler.tick(NOW);
    expect(outcomes.every((o) => o.result === 'sent')).toBe(true);

    // One post got no answer; the sender looked for it once, found it, and posted nothing twice.
    expect(t.slack.callsTo('conversations.history')).toHaveLength(1);
    const messages = held();
    expect(messages.length).toBe(t.slack.callsTo('chat.postMessage').length);
    expect(new Set(messages.map((m) => m.key)).size).toBe(messages.length);
    // Each delivery is recorded with the ts of the one message Slack holds for it.
    const deliveries = await t.bot.store.deliveries.list({ periodKey: DAY });
    expect(deliveries).toHaveLength(messages.length);
    for (const d of deliveries) {
      const mine = messages.filter((m) => m.key.endsWith(`|${d.subject}|${d.kind}|${d.periodKey}`));
      expect(mine, `${d.kind} for ${d.subject}`).toHaveLength(1);
      expect(d.status).toBe('sent');
      expect([d.channel, d.ts]).toEqual([mine[0]!.channel, mine[0]!.ts]);
    }
  }, 30_000);

  it('when the lookup itself must wait, the next tick finds the message instead of posting it again', async () => {
    t.slack.failNext('chat.postMessage', { takeThenHang: true });
    t.slack.failNext('conversations.history', { status: 429, retryAfter: 120 });
    const first = await t.bot.scheduler.tick(NOW);
    expect(first.filter((o) => o.result === 'retry')).toHaveLength(1);
    const before = held();

    now = new Date(NOW.getTime() + 6 * 60_000);
    const second = await t.bot.scheduler.tick(now);
    expect(second.map((o) => o.result)).toEqual(['sent']);
    expect(held()).toEqual(before);
    const deliveries = await t.bot.store.deliveries.list({ periodKey: DAY });
    expect(deliveries.map((d) => d.status).every((s) => s === 'sent')).toBe(true);
    expect(new Set(deliveries.map((d) => d.ts)).size).toBe(before.length);
  }, 30_000);

  it('without the history scopes (an older install) it posts again: a duplicate rather than a lost message', async () => {
    t.slack.failNext('chat.postMessage', { takeThenHang: true });
    t.slack.failNext('conversations.history', { error: 'missing_scope' });
    const outcomes = await t.bot.scheduler.tick(NOW);
    expect(outcomes.every((o) => o.result === 'sent')).toBe(true);
    const messages = held();
    const keys = messages.map((m) => m.key);
    const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(twice).toHaveLength(1);
    expect(messages.length).toBe(new Set(keys).size + 1);
  }, 30_000);
});
