import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBot } from '../harness/bot.js';
import { Clocked } from '../harness/clocked.js';

/**
 * The right people get the right messages (issue 12), through the signed harness and the real
 * scheduler on a fake clock: a team of an admin who set it up, a Japanese manager, and three reps —
 * one with Slack in English in Tokyo, one in Japanese, one in English in New York.
 */
const ADMIN = 'UADMIN1';
const MANAGER = 'UMGR1';
const REP_EN = 'UREPEN';
const REP_JA = 'UREPJA';
const REP_NY = 'UREPNY';
const dm = (userId: string) => `D${userId.slice(1)}`;

describe('who gets which scheduled message, in which language and zone', () => {
  let t: TestBot;
  let c: Clocked;
  const profileReads = () => t.slack.callsTo('users.info').length;

  beforeEach(async () => {
    c = new Clocked('2026-11-16T01:00:00Z'); // Monday 10:00 in Tokyo
    t = await c.start({ env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'ja' } });
    t.slack.users.set(ADMIN, { id: ADMIN, locale: 'en-US', tz: 'Asia/Tokyo' });
    t.slack.users.set(MANAGER, { id: MANAGER, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    t.slack.users.set(REP_EN, { id: REP_EN, locale: 'en-US', tz: 'Asia/Tokyo' });
    t.slack.users.set(REP_JA, { id: REP_JA, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    t.slack.users.set(REP_NY, { id: REP_NY, locale: 'en-US', tz: 'America/New_York' });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** The admin sets the team up in its channel; the manager gives the reps their templates. */
  async function setUpTeam(create = 'team create 東京 <#CSALES1|sales>') {
    const created = await c.as(ADMIN, create);
    await c.as(ADMIN, `team add <@${MANAGER}> as manager`);
    await c.as(ADMIN, `team add <@${REP_EN}> <@${REP_JA}> <@${REP_NY}>`);
    await c.as(MANAGER, `template sdr <@${REP_EN}> <@${REP_JA}> <@${REP_NY}>`);
    return created;
  }

  it('an admin who creates a team without “as manager” gets none of its messages, is not counted in its digest and is not named as its manager', async () => {
    const created = await setUpTeam();
    expect(created.text).toContain('You are not a member, so none of its DMs come to you');
    expect((await t.bot.store.people.get('T0001', ADMIN))?.kpiTeamId).toBeNull();
    await c.as(REP_EN, 'log calls 30');
    await c.tick('2026-11-17T00:00:00Z'); // Tuesday 09:00 in Tokyo
    const [digest] = c.postsTo('CSALES1');
    expect(digest).toMatch(/4人中1人|1\/4人/u);
    expect(c.postsTo(dm(ADMIN))).toEqual([]);
    expect(c.postsTo(dm(MANAGER))).toHaveLength(1);
    const refused = await c.as(REP_JA, 'settings daily 08:00');
    expect(refused.text).toContain(`*東京* のマネージャー(<@${MANAGER}>)または管理者`);
  });

  it('a 1on1 an admin schedules goes to every manager of the team, says so, and never to the admin', async () => {
    await setUpTeam();
    const scheduled = await c.as(ADMIN, `1on1 schedule <@${REP_EN}> wed 15:00`);
    expect(scheduled.text).toContain(`The prep goes to each manager of *東京* (<@${MANAGER}>), not to you.`);
    expect(await t.bot.store.oneonones.of('T0001', REP_EN)).toMatchObject({ recipients: 'team', manager: ADMIN });
    await c.tick('2026-11-18T04:00:00Z'); // Wednesday 13:00 in Tokyo: two hours before
    const [prep] = c.postsTo(dm(MANAGER));
    expect(prep).toContain('1on1準備');
    expect(prep).toContain(`*東京* の各マネージャー(<@${MANAGER}>)に送っています。設定したのは <@${ADMIN}> です。`);
    expect(c.postsTo(dm(ADMIN))).toEqual([]);
    expect((await c.as(MANAGER, '1on1 schedule')).text).toContain(`<@${REP_EN}>: 水曜 15:00、毎週(担当 *東京* の各マネージャー)`);
    // A manager who schedules one gets it themselves.
    expect((await c.as(MANAGER, `1on1 schedule <@${REP_JA}> thu 15:00`)).text).not.toContain('各マネージャー');
    expect(await t.bot.store.oneonones.of('T0001', REP_JA)).toMatchObject({ recipients: 'manager', manager: MANAGER });
  });

  it('“team create … as manager” makes the admin its manager, with its morning DM', async () => {
    const created = await setUpTeam('team create 東京 <#CSALES1|sales> as manager');
    expect(created.text).toContain('You are its manager.');
    await c.tick('2026-11-17T00:00:00Z');
    expect(c.postsTo(dm(ADMIN))).toHaveLength(1);
  });

  it('a team created at 09:20 gets no digest, DM or weekly review that morning: its first slot is the next one', async () => {
    c.at('2026-11-16T00:20:00Z'); // Monday 09:20 in Tokyo: the 09:00 slots (digest, weekly review, DMs) are 20 minutes old
    await setUpTeam();
    for (let minute = 20; minute <= 40; minute += 5) await c.tick(`2026-11-16T00:${minute}:00Z`);
    expect(t.slack.accepted('chat.postMessage')).toEqual([]);
    expect(await t.bot.store.deliveries.list()).toEqual([]);
    await c.tick('2026-11-17T00:00:00Z');
    expect(c.postsTo('CSALES1').map((p) => p.slice(0, 2))).toEqual(['☀️']);
    expect(c.postsTo(dm(REP_EN))).toHaveLength(1);
  });

  it('every morning DM follows its reader’s Slack language and zone, read in the hour before and cached', async () => {
    await setUpTeam();
    const readsBefore = profileReads();
    // From 08:00 in Tokyo, ticking every 10 minutes: the reps' profiles are read ahead of their 09:00.
    for (let m = 0; m < 60; m += 10) await c.tick(`2026-11-16T23:${String(m).padStart(2, '0')}:00Z`);
    const readAhead = profileReads() - readsBefore;
    expect(readAhead).toBeGreaterThanOrEqual(3);
    await c.tick('2026-11-17T00:00:00Z'); // 09:00 in Tokyo
    expect(profileReads() - readsBefore).toBe(readAhead);
    expect(c.postsTo(dm(REP_EN))).toEqual([expect.stringContaining('Your plan for Tue 17 Nov')]);
    expect(c.postsTo(dm(REP_JA))[0]).toContain('11月17日(火)');
    expect(c.postsTo(dm(REP_NY))).toEqual([]);
    // 09:00 in New York, the same Tuesday there: in English, with no new read of a profile read hours ago.
    for (let m = 0; m <= 60; m += 20) await c.tick(`2026-11-17T13:${String(m % 60).padStart(2, '0')}:00Z`);
    await c.tick('2026-11-17T14:00:00Z');
    expect(c.postsTo(dm(REP_NY))).toEqual([expect.stringContaining('Your plan for Tue 17 Nov')]);
    expect(profileReads() - readsBefore).toBe(readAhead);
    const ny = await t.bot.store.people.get('T0001', REP_NY);
    expect(ny).toMatchObject({ locale: 'en', timeZone: 'America/New_York' });
    expect(ny!.profileCheckedAt).not.toBeNull();
  });

  it('a Slack status of 🌴 Vacationing is a day off: no morning DM, and /kpi off says where it came from', async () => {
    await setUpTeam();
    t.slack.users.set(REP_JA, { id: REP_JA, locale: 'ja-JP', tz: 'Asia/Tokyo', status_text: '休暇中', status_emoji: ':palm_tree:', status_expiration: Date.parse('2026-11-18T15:00:00Z') / 1000 });
    for (let m = 0; m < 60; m += 20) await c.tick(`2026-11-16T23:${String(m).padStart(2, '0')}:00Z`);
    await c.tick('2026-11-17T00:00:00Z');
    expect(c.postsTo(dm(REP_JA))).toEqual([]);
    expect(c.postsTo(dm(REP_EN))).toHaveLength(1);
    expect(await t.bot.store.daysOff.of('T0001', REP_JA)).toEqual(['2026-11-17', '2026-11-18']);
    const listed = await c.as(REP_JA, 'off');
    expect(listed.text).toContain('11月17日(火)〜11月18日(水)(Slackのステータスから)');
  });
});
