import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { REPS, seedTokyo } from '../harness/sample-team.js';

describe('scheduled messages through the real Slack client and a flaky fake Slack', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ clock: () => new Date('2026-11-24T00:00:00Z') });
    await seedTokyo(t.bot.store);
  });
  afterEach(async () => {
    await t.stop();
  });

  it('stopping waits for a tick under way but starts none: nothing is sent on the way out', async () => {
    // Everything is due at this moment, and no tick ran: a stop must not send it now.
    await t.bot.stop();
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('with 429 twice and then 500 once, every scheduled message arrives exactly once', async () => {
    t.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, 2);
    t.slack.failNext('chat.postMessage', { status: 500 }, 1);
    const outcomes = await t.bot.scheduler.tick(new Date('2026-11-24T00:00:00Z'));
    const today = outcomes.filter((o) => o.key.periodKey === '2026-11-24');
    expect(today.map((o) => o.result)).toEqual(today.map(() => 'sent'));
    const accepted = t.slack.accepted('chat.postMessage');
    const digests = accepted.filter((c) => c.body.channel === 'CTOKYO1');
    expect(digests).toHaveLength(2); // the daily digest and the weekly review (Monday the 23rd is a holiday)
    expect(new Set(digests.map((c) => String(c.body.text).slice(0, 12))).size).toBe(2);
    const dmChannels = accepted.filter((c) => String(c.body.channel).startsWith('D')).map((c) => c.body.channel);
    expect(dmChannels.sort()).toEqual([...REPS, 'UMGR0001'].map((u) => `D${u.slice(1)}`).sort());
    await t.bot.scheduler.tick(new Date('2026-11-24T00:10:00Z'));
    expect(t.slack.accepted('chat.postMessage')).toHaveLength(accepted.length);
  }, 20_000);

  it('the digest reports Friday’s numbers on Tuesday after the holiday, with celebrations and a focus', async () => {
    await t.bot.scheduler.tick(new Date('2026-11-24T00:00:00Z'));
    const digest = t.slack.accepted('chat.postMessage').find((c) => c.body.channel === 'CTOKYO1' && String(c.body.text).startsWith('☀️'))!;
    const text = String(digest.body.text);
    expect(text).toContain('Fri 20 Nov');
    expect(text).toContain('135 calls');
    expect(text).toMatch(/tried something new|testing a new approach/u);
    expect(text).toContain('Today’s focus');
  });

  it('a person who opted out gets no morning DM', async () => {
    await t.reply('morning-dm off', { userId: REPS[0]! });
    await t.bot.scheduler.tick(new Date('2026-11-24T00:00:00Z'));
    const dmUsers = t.slack.accepted('conversations.open').map((c) => c.body.users);
    expect(dmUsers).not.toContain(REPS[0]);
    expect(dmUsers).toContain(REPS[1]);
  });
});
