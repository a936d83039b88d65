/**
 * Issue 12, "input the way people type": separators in both languages, a metric said twice, days
 * ahead of today, `status 今週`, thanks that fit a backdated log, and `/kpi edit` — each through the
 * real Bolt receiver with Slack-signed requests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { day } from '../../src/domain/days.js';
import { messages } from '../../src/i18n/index.js';

/** 12:00 in Tokyo on Friday 2026-11-20. */
const NOW = new Date('2026-11-20T03:00:00Z');
const TODAY = day('2026-11-20');
const YESTERDAY = day('2026-11-19');
const JA = 'U0JA';

describe('input the way people type, through the real Bolt receiver', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ clock: () => NOW });
    t.slack.users.set(JA, { id: JA, locale: 'ja-JP', tz: 'Asia/Tokyo' });
  });
  afterEach(async () => {
    await t.stop();
  });

  const totals = async (userId = 'U0001', d = TODAY) => (await t.bot.store.totals.dayTotals('T0001', userId, d)).values;

  it('reads 、 and ， and ： in Japanese and commas and colons in English, all or nothing as before', async () => {
    const ja = await t.reply('log 架電 50件、メール 12通', { userId: JA });
    expect(ja.text).toContain('今日(11月20日(金))の分として記録しました: 架電 50件・メール 12通');
    expect(await totals(JA)).toEqual({ calls: 50, emails: 12 });
    await t.reply('架電：10件・商談：1件', { userId: JA });
    expect(await totals(JA)).toEqual({ calls: 60, emails: 12, meetings: 1 });

    const en = await t.reply('log calls: 30, emails: 5');
    expect(en.text).toContain('Logged for today (Fri 20 Nov): 30 calls · 5 emails');
    expect(await totals()).toEqual({ calls: 30, emails: 5 });
    await t.reply('calls 10 / meetings 2; emails 1');
    expect(await totals()).toEqual({ calls: 40, emails: 6, meetings: 2 });

    // One bad pair among separators still stores nothing.
    const bad = await t.reply('log calls: 5, cals: 5');
    expect(bad.text).toContain('“cals”');
    expect(bad.text).toContain('Nothing was stored.');
    expect(await totals()).toEqual({ calls: 40, emails: 6, meetings: 2 });
  });

  it('stores calls 5 calls 6 as one pair of 11, and asks about a snapshot given two values', async () => {
    const reply = await t.reply('log calls 5 calls 6');
    expect(reply.text).toContain('Logged for today (Fri 20 Nov): 11 calls');
    expect(await t.bot.store.activity.entriesOf('T0001', 'U0001')).toEqual([expect.objectContaining({ metric: 'calls', value: 11 })]);
    const twice = await t.reply('log パイプライン 300万 パイプライン 400万', { userId: JA });
    expect(twice.text).toContain('2つの値');
    expect(twice.text).toContain('何も記録していません');
    expect(await totals(JA)).toEqual({});
  });

  it('says a log cannot be dated ahead of today, in both languages, and stores nothing', async () => {
    const en = await t.reply('log calls 5 tomorrow');
    expect(en.text).toContain('is still ahead; logs are for today or earlier');
    expect(en.text).not.toContain('don’t know the metric');
    const ja = await t.reply('log 架電 5 明日', { userId: JA });
    expect(ja.text).toContain('まだ先の日付です。記録できるのは今日以前の分です。');
    expect(ja.text).not.toContain('指標は見つかりませんでした');
    expect(await totals()).toEqual({});
    expect(await totals(JA)).toEqual({});
  });

  it('answers status 今週 and status 今月 as status week and status month', async () => {
    await t.reply('log 架電 30', { userId: JA });
    for (const [word, kind] of [
      ['今週', 'week'],
      ['今月', 'month'],
      ['今日', 'day'],
    ] as const) {
      const said = await t.reply(`status ${word}`, { userId: JA });
      expect(said.text).not.toContain('読み取れませんでした');
      expect(said.text).toBe((await t.reply(`status ${kind}`, { userId: JA })).text);
    }
    expect((await t.reply('status this week')).text).toBe((await t.reply('status week')).text);
  });

  it('thanks a backdated log for filling the gap, never for logging right away', async () => {
    for (const locale of ['en', 'ja'] as const) {
      const backdated = messages(locale).backdatedCheers.map((v) => v());
      const sameDay = messages(locale).logCheers.map((v) => v());
      const rightAway = locale === 'en' ? 'right away' : 'すぐに';
      // The same-day thanks include "right away": what a backdated log must not get.
      expect(sameDay.some((s) => s.includes(rightAway))).toBe(true);
      const seen = new Set<string>();
      for (let i = 0; i < 24; i += 1) {
        const userId = `U${locale.toUpperCase()}${String(i).padStart(3, '0')}`;
        t.slack.users.set(userId, { id: userId, locale: locale === 'ja' ? 'ja-JP' : 'en-US', tz: 'Asia/Tokyo' });
        const reply = await t.reply(locale === 'ja' ? 'log 架電 5 昨日' : 'log calls 5 yesterday', { userId });
        expect(reply.text).not.toContain(rightAway);
        const cheer = backdated.find((s) => reply.text.includes(s));
        expect(cheer, reply.text).toBeDefined();
        seen.add(cheer!);
      }
      // Every variant turns up across people, so none is left unchecked.
      expect(seen.size).toBe(backdated.length);
    }
  });

  describe('/kpi edit', () => {
    it('corrects one number of the latest log, keeps the rest and the old number for the audit, and undo still takes the log back', async () => {
      await t.reply('log calls 45 meetings 3');
      const reply = await t.reply('edit calls 40');
      expect(reply.text).toContain('Corrected your log from 12:00 for today (Fri 20 Nov): 45 calls → 40 calls');
      expect(reply.text).toContain('Today so far: 40 calls · 3 meetings');
      expect(reply.text).toContain('stay in the audit history');
      expect(await totals()).toEqual({ calls: 40, meetings: 3 });
      expect(await t.bot.store.edits.history('T0001', 'U0001')).toEqual([expect.objectContaining({ metric: 'calls', from: 45, to: 40, day: TODAY })]);
      const undo = await t.reply('undo');
      expect(undo.text).toContain('40 calls');
      expect(await totals()).toEqual({});
    });

    it('corrects yesterday’s log when the day is given, in Japanese', async () => {
      await t.reply('log 商談 2 昨日', { userId: JA });
      await t.reply('log 商談 1', { userId: JA });
      const reply = await t.reply('修正 商談 3 昨日', { userId: JA });
      expect(reply.text).toContain('の分を修正しました: 商談 2件 → 商談 3件');
      expect(reply.text).toContain('修正前の数字も履歴に残ります');
      expect(await totals(JA, YESTERDAY)).toEqual({ meetings: 3 });
      expect(await totals(JA, TODAY)).toEqual({ meetings: 1 });
    });

    it('refuses what it cannot correct, with the reason, and changes nothing', async () => {
      await t.reply('log calls 60000');
      await t.reply('log calls 30000');
      const none = await t.reply('edit wins 1');
      expect(none.text).toContain('You have no log of wins in the last 31 days to correct');
      const over = await t.reply('edit calls 45000');
      expect(over.text).toContain('more than the 100,000 calls a day can hold');
      const partly = await t.reply('edit calls 20000 emails 3');
      expect(partly.text).toContain('You have no log of emails');
      expect(await totals()).toEqual({ calls: 90_000 });
      expect(await t.bot.store.edits.history('T0001', 'U0001')).toEqual([]);
      const ja = await t.reply('修正 受注 1 昨日', { userId: JA });
      expect(ja.text).toContain('の受注の記録がないため、修正できません');
      expect(ja.text).toContain('何も変更していません。');
      // A number it cannot read is told with edit's own form, not log's.
      const typo = await t.reply('edit cals 5');
      expect(typo.text).toContain('“cals”');
      expect(typo.text).toContain('Nothing was changed.');
      expect(typo.text).toContain('/kpi edit <metric> <number>');
    });

    it('corrects once when Slack sends the same request twice', async () => {
      await t.reply('log calls 45');
      const first = await t.reply('edit calls 40', { triggerId: 'edit-1' });
      const again = await t.reply('edit calls 40', { triggerId: 'edit-1' });
      expect(again.text).toContain('45 calls → 40 calls');
      expect(first.text).toContain('45 calls → 40 calls');
      expect(await totals()).toEqual({ calls: 40 });
      expect(await t.bot.store.edits.history('T0001', 'U0001')).toHaveLength(1);
    });

    it('says a number already right is unchanged', async () => {
      await t.reply('log calls 45');
      const reply = await t.reply('edit calls 45');
      expect(reply.text).toContain('Already logged as 45 calls; nothing changed there.');
      expect(await t.bot.store.edits.history('T0001', 'U0001')).toEqual([]);
    });
  });
});
