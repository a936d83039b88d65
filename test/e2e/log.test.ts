import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { postSigned, slashCommandBody } from '../harness/signing.js';
import { day } from '../../src/domain/days.js';

/** 12:00 in Tokyo on Friday 2026-11-20. */
const NOW = new Date('2026-11-20T03:00:00Z');
const TODAY = day('2026-11-20');

describe('/kpi log and /kpi undo through the real Bolt receiver', () => {
  let t: TestBot;
  let now: Date;
  beforeEach(async () => {
    now = NOW;
    t = await startTestBot({ clock: () => now });
  });
  afterEach(async () => {
    await t.stop();
  });

  const totals = async (userId = 'U0001', d = TODAY) => (await t.bot.store.totals.dayTotals('T0001', userId, d)).values;

  it('stores calls 30 and answers well inside Slack’s 3 seconds', async () => {
    const started = Date.now();
    const reply = await t.reply('log calls 30');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('Logged for today (Fri 20 Nov): 30 calls');
    expect(reply.text).toContain('Today so far: 30 calls');
    expect(await totals()).toEqual({ calls: 30 });
  });

  it('stores 架電 ３０件 メール 5 as calls 30 and emails 5', async () => {
    await t.reply('log 架電 ３０件 メール 5');
    expect(await totals()).toEqual({ calls: 30, emails: 5 });
  });

  it('stores nothing for calls 10 cals 5 and suggests calls', async () => {
    const reply = await t.reply('log calls 10 cals 5');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('“cals”');
    expect(reply.text).toContain('Did you mean calls (架電)?');
    expect(reply.text).toContain('Nothing was stored.');
    expect(reply.text).toContain('/kpi log <metric> <number>');
    expect(await totals()).toEqual({});
  });

  it('answers in Japanese for a person whose Slack locale is Japanese', async () => {
    t.slack.users.set('U0002', { id: 'U0002', locale: 'ja-JP', tz: 'Asia/Tokyo' });
    const reply = await t.reply('log 架電 45 商談 3', { userId: 'U0002' });
    expect(reply.text).toContain('今日(11月20日(金))の分として記録しました: 架電 45件・商談 3件');
    const wrong = await t.reply('log 架電 たくさん', { userId: 'U0002' });
    expect(wrong.text).toContain('「たくさん」は架電の数として読み取れませんでした。何も記録していません。');
    expect(wrong.text).toContain('書き方:');
  });

  it('reads a person’s language once and keeps it, in a workspace the bot holds', async () => {
    // A profile read alone does not create a workspace (issue 11): the workspace's first log does.
    await t.reply('log calls 1', { userId: 'U0001' });
    t.slack.users.set('U0002', { id: 'U0002', locale: 'ja-JP', tz: 'Asia/Tokyo' });
    await t.reply('log calls 1', { userId: 'U0002' });
    await t.reply('log calls 1', { userId: 'U0002' });
    expect(t.slack.callsTo('users.info').filter((c) => c.body.user === 'U0002')).toHaveLength(1);
  });

  it('falls back to KPI_LOCALE when Slack cannot say', async () => {
    t.slack.failNext('users.info', { error: 'user_not_found' });
    const reply = await t.reply('log calls 3', { userId: 'U0003' });
    // The test bot runs with the default KPI_LOCALE, ja.
    expect(reply.text).toContain('架電 3件');
  });

  it('counts the entry for the business day in the person’s own zone', async () => {
    // 03:00 UTC on the 20th is still the 19th in New York.
    t.slack.users.set('U0004', { id: 'U0004', locale: 'en-US', tz: 'America/New_York' });
    await t.reply('log calls 4', { userId: 'U0004' });
    expect(await totals('U0004', day('2026-11-19'))).toEqual({ calls: 4 });
    expect(await totals('U0004', TODAY)).toEqual({});
  });

  it('stores a log for yesterday and shows that day’s total', async () => {
    const reply = await t.reply('log calls 8 yesterday');
    expect(reply.text).toContain('Logged for yesterday (Thu 19 Nov): 8 calls');
    expect(reply.text).toContain('Total for yesterday (Thu 19 Nov): 8 calls');
    expect(await totals('U0001', day('2026-11-19'))).toEqual({ calls: 8 });
  });

  it.each([
    ['log calls 5 2026-11-21', 'is still ahead'],
    ['log calls 5 2026-10-01', 'more than 31 days back'],
    ['log calls -5', 'can’t be negative'],
    ['log calls 100001', 'looks like a typo'],
    ['log calls lots', 'is not a number'],
  ])('refuses “%s” with a clear message and stores nothing', async (text, says) => {
    const reply = await t.reply(text);
    expect(reply.text).toContain(says);
    expect(reply.text).toContain('Nothing was stored.');
    expect(await t.bot.store.activity.entriesOf('T0001', 'U0001')).toEqual([]);
  });

  it('refuses a log that would push a day past 100,000 calls, storing none of its pairs', async () => {
    await t.reply('log calls 99999');
    const reply = await t.reply('log emails 2 calls 2');
    expect(reply.text).toContain('100,000 calls');
    expect(await totals()).toEqual({ calls: 99_999 });
  });

  it('undo names what it took back and removes exactly that log', async () => {
    await t.reply('log calls 10');
    now = new Date('2026-11-20T04:15:00Z');
    await t.reply('log calls 7 meetings 2 -- tried the new opener');
    const reply = await t.reply('undo');
    expect(reply.text).toContain('Took back your log from 13:15 for today (Fri 20 Nov): 7 calls · 2 meetings');
    expect(reply.text).toContain('today (Fri 20 Nov) now stands at: 10 calls');
    expect(await totals()).toEqual({ calls: 10 });
    expect(await t.bot.store.activity.entriesOf('T0001', 'U0001')).toEqual([{ metric: 'calls', value: 10, day: TODAY, note: null }]);
    const nothing = await t.reply('undo', { userId: 'U0009' });
    expect(nothing.text).toContain('no log of yours to take back');
  });

  it('bare /kpi shows today’s own totals', async () => {
    await t.reply('log calls 12 emails 3');
    await t.reply('log calls 5', { userId: 'U0005' });
    const reply = await t.reply('');
    expect(reply.text).toContain('Your numbers for today (Fri 20 Nov)');
    expect(reply.text).toContain('12 calls · 3 emails');
  });

  it('help lists the commands and help log shows the metrics in both languages', async () => {
    const all = await t.reply('help');
    expect(all.text).toContain('/kpi log <metric> <number>');
    expect(all.text).toContain('/kpi undo');
    const log = await t.reply('help log');
    expect(log.text).toContain('calls (架電)');
    expect(log.text).toContain('/kpi log 架電 45 商談 3');
  });

  it('rejects a wrong signature with 401 and stores nothing', async () => {
    const body = slashCommandBody({ text: 'log calls 30' });
    const res = await postSigned(t.eventsUrl, body, { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
    expect(await totals()).toEqual({});
  });

  it('rejects a request older than 5 minutes with 401 and stores nothing', async () => {
    const body = slashCommandBody({ text: 'log calls 30' });
    const res = await postSigned(t.eventsUrl, body, { timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    expect(await totals()).toEqual({});
  });

  it('stores a retried request once', async () => {
    await t.reply('log calls 30', { triggerId: 'same-trigger' });
    const again = await t.reply('log calls 30', { triggerId: 'same-trigger' });
    expect(again.text).toContain('already stored');
    expect(await totals()).toEqual({ calls: 30 });
  });

  it('answers GET /healthz with 200 while the store works', async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
