import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestBot } from '../harness/bot.js';
import { Clocked } from '../harness/clocked.js';
import { appHomeOpened } from '../harness/payloads.js';

/**
 * Evening reminders, managers' pace alerts, personal days off and company closures, through the
 * signed harness and the real scheduler on a fake clock. Team 東京 (Japanese, Asia/Tokyo): an admin
 * set it up, a Japanese manager runs it, three inside reps on 50 calls a workday.
 */
const ADMIN = 'UADMIN1';
const MANAGER = 'UMGR1';
const REP_EN = 'UREPEN';
const REP_JA = 'UREPJA';
const REP_NY = 'UREPNY';
const dm = (userId: string) => `D${userId.slice(1)}`;

describe('reminders, pace alerts, days off and closures', () => {
  let t: TestBot;
  let c: Clocked;

  beforeEach(async () => {
    c = new Clocked('2026-11-01T01:00:00Z'); // Sunday 1 November, 10:00 in Tokyo
    t = await c.start({ env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'ja' } });
    for (const [id, locale, tz] of [
      [ADMIN, 'en-US', 'Asia/Tokyo'],
      [MANAGER, 'ja-JP', 'Asia/Tokyo'],
      [REP_EN, 'en-US', 'Asia/Tokyo'],
      [REP_JA, 'ja-JP', 'Asia/Tokyo'],
      [REP_NY, 'en-US', 'America/New_York'],
    ] as const) {
      t.slack.users.set(id, { id, locale, tz });
    }
    await c.as(ADMIN, 'team create 東京 <#CSALES1|sales>');
    await c.as(ADMIN, `team add <@${MANAGER}> as manager`);
    await c.as(ADMIN, `team add <@${REP_EN}> <@${REP_JA}> <@${REP_NY}>`);
    await c.as(MANAGER, `target calls 50/day`);
  });
  afterEach(async () => {
    await t.stop();
  });

  it('the evening reminder goes by DM, once, to the one who has logged nothing that workday, and to no channel', async () => {
    expect((await c.as(MANAGER, 'settings reminder 17:30')).text).toContain('その営業日に記録がない人への夕方のリマインダー: 17:30');
    expect((await c.as(REP_NY, 'reminder off')).text).toBe('Evening reminders are off for you. `/kpi reminder on` brings them back.');
    c.at('2026-11-17T03:00:00Z'); // Tuesday 12:00 in Tokyo
    await c.as(REP_JA, 'log 架電 40');
    const posted = t.slack.accepted('chat.postMessage').length;
    await c.tick('2026-11-17T08:30:00Z'); // 17:30 in Tokyo
    await c.tick('2026-11-17T08:40:00Z');
    await c.tick('2026-11-17T22:30:00Z'); // 17:30 in New York
    const sent = t.slack.accepted('chat.postMessage').slice(posted);
    expect(sent.map((c) => c.body.channel)).toEqual([dm(REP_EN)]);
    expect(String(sent[0]!.body.text)).toMatch(/Tue 17 Nov/u);
    expect(JSON.stringify(sent[0]!.body.blocks)).toContain('kpi_open_log');
    expect(await t.bot.store.deliveries.list({ kind: 'reminder', periodKey: '2026-11-17' })).toMatchObject([{ subject: REP_EN, status: 'sent' }]);
    // The manager sets no targets of their own here, so has nothing to be reminded of.
    expect(c.postsTo(dm(MANAGER))).toEqual([]);
  });

  it('a KPI far off its pace mid-month is told to the manager alone, privately, once, with where it stands and a step to take', async () => {
    expect((await c.as(MANAGER, 'settings pace-alerts on')).text).toContain('マネージャーへの個別通知: オン');
    c.at('2026-11-13T09:00:00Z');
    for (const d of ['11/2', '11/4', '11/5']) await c.as(REP_EN, `log calls 20 ${d}`);
    for (const d of ['11/2', '11/4', '11/5', '11/6', '11/9', '11/10', '11/11', '11/12', '11/13']) {
      await c.as(REP_JA, `log 架電 60 ${d}`);
      await c.as(REP_NY, `log calls 55 ${d}`);
    }
    const posted = t.slack.accepted('chat.postMessage').length;
    await c.tick('2026-11-16T00:00:00Z'); // Monday 09:00 in Tokyo: 9 of November's 19 workdays are behind
    const alerts = t.slack.accepted('chat.postMessage').slice(posted).filter((c) => String(c.body.text).startsWith('ペース確認'));
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts.length).toBeLessThanOrEqual(3);
    expect(alerts.every((c) => c.body.channel === dm(MANAGER))).toBe(true);
    const aboutRep = alerts.map((c) => String(c.body.text)).find((text) => text.includes(`<@${REP_EN}>`))!;
    expect(aboutRep).toContain('60件');
    expect(aboutRep).toMatch(/1日(あたり)?\d+件/u);
    expect(aboutRep).toContain(`/kpi 1on1 <@${REP_EN}>`);
    expect(alerts.some((c) => String(c.body.text).includes(`<@${REP_JA}>`))).toBe(false);
    expect(c.postsTo('CSALES1').some((p) => p.includes('ペース確認'))).toBe(false);
    expect(c.postsTo(dm(REP_EN)).some((p) => p.includes('Pace check'))).toBe(false);
    expect(c.postsTo(dm(ADMIN))).toEqual([]);
    await c.tick('2026-11-17T00:00:00Z');
    const keys = (await t.bot.store.deliveries.list({ kind: 'pace' })).map((d) => d.periodKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k === `2026-11-01|${REP_EN}|calls`)).toHaveLength(1);
  });

  it('a manager gets at most three pace alerts a morning, however many ticks and restarts the morning has', async () => {
    await c.as(MANAGER, 'settings pace-alerts on');
    // Every rep far off several KPIs: more alerts are due than one morning may carry.
    for (const kpi of ['meetings 20/month', 'connects 200/month', 'emails 300/month']) await c.as(MANAGER, `target ${kpi}`);
    c.at('2026-11-13T09:00:00Z');
    for (const rep of [REP_EN, REP_JA, REP_NY]) await c.as(rep, 'log calls 20 meetings 1 connects 5 emails 3 11/2');
    const alertsSoFar = () => t.slack.accepted('chat.postMessage').filter((x) => x.body.channel === dm(MANAGER) && String(x.body.text).startsWith('ペース確認')).length;
    await c.tick('2026-11-16T00:00:00Z');
    // Once the morning is settled, later ticks of its window plan nothing again: not one delivery or total is read.
    const finds = vi.spyOn(t.bot.store.deliveries, 'find');
    const reads = vi.spyOn(t.bot.store.totals, 'memberRanges');
    for (const at of ['2026-11-16T00:01:00Z', '2026-11-16T00:02:00Z', '2026-11-16T01:30:00Z']) await c.tick(at);
    expect([finds.mock.calls.length, reads.mock.calls.length]).toEqual([0, 0]);
    finds.mockRestore();
    reads.mockRestore();
    expect(alertsSoFar()).toBe(3);
    // The next morning carries the next ones, again at most three.
    for (const at of ['2026-11-17T00:00:00Z', '2026-11-17T00:01:00Z']) await c.tick(at);
    expect(alertsSoFar()).toBe(6);
  });

  it('days off change the person’s pace and streak, and no morning DM comes on them', async () => {
    c.at('2026-11-20T03:00:00Z'); // Friday 20 November, 12:00 in Tokyo
    for (const d of ['11/16', '11/17', 'today']) await c.as(REP_EN, `log calls 50 ${d === 'today' ? '' : d}`.trim());
    const before = await c.as(REP_EN, 'status');
    expect(before.text).toContain('*Calls* 150 / 950 calls');
    const home = async () => {
      const publishes = t.slack.callsTo('views.publish').length;
      await t.event(appHomeOpened(REP_EN));
      await t.slack.waitFor('views.publish', (c) => c.body.user_id === REP_EN && t.slack.callsTo('views.publish').indexOf(c) >= publishes);
      return JSON.stringify(t.slack.callsTo('views.publish').at(-1)!.body.view);
    };
    expect(await home()).toContain('1 workday in a row');
    const off = await c.as(REP_EN, 'off 11/18-11/19');
    expect(off.text).toContain('Days off noted: Wed 18 Nov – Thu 19 Nov (2 workdays).');
    const after = await c.as(REP_EN, 'status');
    // Two workdays fewer at 50 a day: the month asks 850, and the pace so far counts the days worked.
    expect(after.text).toContain('*Calls* 150 / 850 calls');
    expect(await home()).toContain('3 workdays in a row');
    const ja = await c.as(REP_JA, '休み 11月24日〜25日');
    expect(ja.text).toContain('休みを登録しました: 11月24日(火)〜11月25日(水)(営業日2日)');
    await c.tick('2026-11-24T00:00:00Z'); // Tuesday 09:00 in Tokyo
    expect(c.postsTo(dm(REP_JA))).toEqual([]);
    expect(c.postsTo(dm(REP_EN))).toHaveLength(1);
    expect((await c.as(REP_JA, 'off cancel 11/25')).text).toContain('11月25日(水)の休み1日を取り消しました');
    // The next digest counts those who could have logged on the 24th: not the one who was off.
    c.at('2026-11-24T03:00:00Z');
    await c.as(REP_EN, 'log calls 30');
    await c.tick('2026-11-25T00:00:00Z');
    expect(c.postsTo('CSALES1').find((p) => p.includes('11月25日'))).toMatch(/3人中1人|1\/3人/u);
    expect((await c.as(REP_EN, 'off 11/18-11/19')).text).toBe('Wed 18 Nov – Thu 19 Nov was already noted as days off.');
    expect((await c.as(REP_EN, 'off someday')).text).toContain('“someday” is not a day or range I can read.');
  });

  it('a company closure (年末年始) has no digest, DM or reminder, and the next workday’s digest reports the last one worked', async () => {
    c.at('2026-12-01T01:00:00Z');
    const set = await c.as(MANAGER, 'settings 休業日 12/29-1/3');
    expect(set.text).toContain('休業日(ダイジェストもリマインダーも送りません): 12月29日(火)〜1月3日(日)');
    await c.as(MANAGER, 'settings reminder 17:30');
    expect((await c.as(REP_EN, 'off')).text).toContain('Company closures of *東京*: Tue 29 Dec – Sun 3 Jan');
    const days = ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-04'];
    const sentOn = new Map<string, string[]>();
    for (const d of days) {
      const before = t.slack.accepted('chat.postMessage').length;
      const nine = Date.parse(`${d}T09:00:00+09:00`);
      await c.tick(new Date(nine).toISOString()); // 09:00 in Tokyo
      await c.tick(new Date(nine + 8.5 * 3_600_000).toISOString()); // 17:30
      sentOn.set(d, t.slack.accepted('chat.postMessage').slice(before).map((c) => String(c.body.channel)));
    }
    // Nothing is even due on a closure day, for anyone in any zone.
    const closed = new Set(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01']);
    expect((await t.bot.store.deliveries.list()).filter((x) => closed.has(x.periodKey))).toEqual([]);
    for (const d of closed) expect(sentOn.get(d)!.filter((c) => c !== dm(REP_NY)), d).toEqual([]);
    expect(sentOn.get('2026-12-28')).toContain('CSALES1');
    expect(sentOn.get('2026-12-28')).toContain(dm(REP_EN)); // its morning DM and its evening reminder
    expect(sentOn.get('2027-01-04')).toContain('CSALES1');
    const digest = c.postsTo('CSALES1').find((p) => p.startsWith('☀️') && p.includes('1月4日'))!;
    expect(digest).toContain('12月28日(月)');
    expect(await t.bot.store.deliveries.list({ kind: 'reminder', periodKey: '2026-12-30' })).toEqual([]);
  });
});
