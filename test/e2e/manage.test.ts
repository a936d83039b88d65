import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { day } from '../../src/domain/days.js';

/** Friday 2026-11-20, 12:00 in Tokyo. */
const NOW = new Date('2026-11-20T03:00:00Z');
const ADMIN = 'UADMIN1';
const MANAGER = 'UMGR1';
const REP = 'UREP1';
const REP2 = 'UREP2';
const OTHER_MANAGER = 'UMGR2';

describe('teams, targets, status, tree and plan through the real Bolt receiver', () => {
  let t: TestBot;
  let now: Date;
  const as = (userId: string, text: string, channelId = 'CSALES1') => t.reply(text, { userId, channelId });

  beforeEach(async () => {
    now = NOW;
    t = await startTestBot({ clock: () => now, env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'en' } });
    for (const id of [ADMIN, MANAGER, REP, REP2, OTHER_MANAGER]) t.slack.users.set(id, { id, locale: 'en-US', tz: 'Asia/Tokyo' });
  });
  afterEach(async () => {
    await t.stop();
  });

  async function setUpTeam() {
    expect((await as(ADMIN, 'team create Tokyo Inside Sales <#CSALES1|sales>')).text).toContain('Created the team *Tokyo Inside Sales*');
    await as(ADMIN, `team add <@${MANAGER}> as manager`);
    await as(ADMIN, `team add <@${REP}> <@${REP2}>`);
    const store = t.bot.store;
    return (await store.teams.byName('T0001', 'Tokyo Inside Sales'))!;
  }

  it('an admin creates a team and adds members; a person belongs to one team', async () => {
    const team = await setUpTeam();
    const members = await t.bot.store.teams.members(team.id);
    // The admin who created it is no member: they did not say `as manager`.
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      [MANAGER, 'manager'],
      [REP, 'rep'],
      [REP2, 'rep'],
    ]);
    expect(team.channelId).toBe('CSALES1');
    await as(ADMIN, 'team create Osaka Field <#COSAKA1|osaka>', 'COSAKA1');
    const moved = await as(ADMIN, `team add <@${REP2}>`, 'COSAKA1');
    expect(moved.text).toContain('moved over from *Tokyo Inside Sales*');
    expect((await t.bot.store.teams.ofPerson('T0001', REP2))?.name).toBe('Osaka Field');
    const shown = await as(MANAGER, 'team');
    expect(shown.text).toContain('Team Tokyo Inside Sales');
    expect(shown.text).toContain(`<@${MANAGER}>`);
    expect(shown.text).toContain('Daily digest and morning DMs: 09:00');
  });

  it('refuses team creation to a rep and says who can', async () => {
    const reply = await as(REP, 'team create Rogue Team');
    expect(reply.text).toBe(`Creating teams is for admins (<@${ADMIN}> and Slack workspace owners and admins).`);
    expect(await t.bot.store.teams.inWorkspace('T0001')).toEqual([]);
  });

  it('a manager sets targets for the members; a rep is refused with the manager named', async () => {
    const team = await setUpTeam();
    const set = await as(MANAGER, 'target calls 50/day');
    expect(set.text).toContain('Target set for each member of *Tokyo Inside Sales* (2): 50 calls a workday, from Fri 20 Nov.');
    const refused = await as(REP, `target calls 10/day <@${REP2}>`);
    expect(refused.text).toContain('Setting targets is for the manager of *Tokyo Inside Sales*');
    expect(refused.text).toContain(`<@${MANAGER}>`);
    const targets = await t.bot.store.targets.of('T0001', 'person', REP2, day('2026-11-20'));
    expect(targets.map((x) => [x.metric, x.value, x.period])).toEqual([['calls', 50, 'day']]);
    await as(MANAGER, 'target revenue 10,000,000/month team');
    expect(await t.bot.store.targets.of('T0001', 'team', String(team.id), day('2026-11-20'))).toMatchObject([{ metric: 'revenue', value: 10_000_000 }]);
    const listed = await as(REP, 'targets');
    expect(listed.text).toContain('Calls*: 50 calls a workday');
    expect(listed.text).toContain('¥10,000,000 a month');
  });

  it('a changed target applies from today; earlier days keep the old one', async () => {
    await setUpTeam();
    await as(MANAGER, `target calls 40/day <@${REP}>`);
    now = new Date('2026-11-24T03:00:00Z');
    await as(MANAGER, `target calls 60/day <@${REP}>`);
    expect((await t.bot.store.targets.of('T0001', 'person', REP, day('2026-11-20')))[0]!.value).toBe(40);
    expect((await t.bot.store.targets.of('T0001', 'person', REP, day('2026-11-24')))[0]!.value).toBe(60);
  });

  it('templates set the role’s targets and say what they set', async () => {
    await setUpTeam();
    const reply = await as(MANAGER, `template field <@${REP}>`);
    expect(reply.text).toContain(`Applied the field sales template to <@${REP}>`);
    expect(reply.text).toContain('30 meetings a month');
    expect(reply.text).toContain('win rate 20%');
    expect(reply.text).toContain('average deal size ¥500,000');
    // The main KPIs only (seeds 003/004: one to three); the secondary ones are offered, not set.
    expect(reply.text).toContain('Secondary ones, when you want them too: 10 visits a week · key-person contact rate 80%');
    const targets = await t.bot.store.targets.of('T0001', 'person', REP, day('2026-11-20'));
    expect(targets.map((x) => x.metric).sort()).toEqual(['avg_deal_size', 'meetings', 'win_rate']);
    expect(targets.find((x) => x.metric === 'win_rate')!.value).toBeCloseTo(0.2);
    await as(MANAGER, `template field <@${REP}> all`);
    const all = await t.bot.store.targets.of('T0001', 'person', REP, day('2026-11-20'));
    expect(all.map((x) => x.metric).sort()).toEqual(['avg_deal_size', 'key_person_rate', 'meetings', 'visits', 'win_rate']);
  });

  it('warns when a person ends up with more than five KPIs', async () => {
    await setUpTeam();
    await as(MANAGER, `template field <@${REP}> all`);
    const reply = await as(MANAGER, `target calls 50/day <@${REP}>`);
    expect(reply.text).toContain(`<@${REP}> now has 6 KPIs`);
    expect(reply.text).toContain('ideally 1–3');
  });

  it('flags a target far from the last four weeks’ pace, and still sets it', async () => {
    await setUpTeam();
    // 20 workdays before the 20th: log 10 calls a day for REP.
    for (let i = 1; i <= 28; i += 1) {
      now = new Date(NOW.getTime() - i * 86_400_000);
      await as(REP, 'log calls 10');
    }
    now = NOW;
    const reply = await as(MANAGER, `target calls 50/day <@${REP}>`);
    expect(reply.text).toContain('more than twice their pace over the last 4 weeks');
    expect(reply.text).toMatch(/\(1[0-9] calls a workday\)/u);
    expect(await t.bot.store.targets.of('T0001', 'person', REP, day('2026-11-20'))).toHaveLength(1);
  });

  it('status shows attainment, pace, forecast and the need per remaining workday, rates beside counts', async () => {
    now = new Date('2026-11-02T03:00:00Z');
    await setUpTeam();
    await as(MANAGER, `target calls 1000/month <@${REP}>`);
    await as(MANAGER, `target win_rate 20% <@${REP}>`);
    // 600 calls, 50 meetings, 9 wins through Thursday the 19th (13 workdays of November in Japan).
    now = new Date('2026-11-19T03:00:00Z');
    await as(REP, 'log calls 600 meetings 50 wins 9');
    const reply = await as(REP, 'status');
    expect(reply.text).toContain('You: November 2026');
    expect(reply.text).toContain('*Calls* 600 / 1,000 calls (60%)');
    expect(reply.text).toContain('Another 85 calls puts you on pace');
    expect(reply.text).toContain('heading for 877 calls by Mon 30 Nov');
    expect(reply.text).toContain('67 calls a workday reaches it (6 left)');
    expect(reply.text).toContain('*Win rate* 18% / 20% (90%)');
    expect(reply.text).toContain('From 9 wins of 50 meetings');
    expect(reply.text).not.toMatch(/\b(behind|failed|poor)\b/u);
  });

  it('status day shows the distance to the day’s target and no forecast, which would only repeat the actual', async () => {
    now = new Date('2026-11-19T03:00:00Z');
    await setUpTeam();
    await as(MANAGER, `target calls 50/day <@${REP}>`);
    await as(REP, 'log calls 30');
    const today = await as(REP, 'status day');
    expect(today.text).toContain('You: today, Thu 19 Nov');
    expect(today.text).toContain('*Calls* 30 / 50 calls (60%)');
    expect(today.text).toContain('Another 20 calls puts you on pace');
    expect(today.text).not.toContain('heading for');
    expect((await as(REP, 'status week')).text).toContain('heading for 38 calls by Sun 22 Nov');
  });

  it('shows a member’s status to their manager and admins only', async () => {
    await setUpTeam();
    await as(OTHER_MANAGER, 'status');
    expect((await as(MANAGER, `status <@${REP}> week`)).text).toContain(`<@${REP}>: week of`);
    expect((await as(ADMIN, `status <@${REP}>`)).text).toContain(`<@${REP}>: November 2026`);
    const refused = await as(REP2, `status <@${REP}>`);
    expect(refused.text).toContain(`Seeing <@${REP}>’s numbers is for the manager of *Tokyo Inside Sales*`);
  });

  it('settings by text are validated and saved', async () => {
    const team = await setUpTeam();
    expect((await as(MANAGER, 'settings daily 08:30')).text).toContain('Daily digest and morning DMs: 08:30');
    expect((await as(MANAGER, 'settings timezone Mars/Base')).text).toContain('“Mars/Base” is not a time zone I know');
    expect((await as(MANAGER, 'settings daily 25:00')).text).toContain('“25:00” is not a time');
    expect((await as(MANAGER, 'settings weekly someday 09:00')).text).toContain('“someday” is not a weekday');
    expect((await as(MANAGER, 'settings workdays mon-sat')).text).toContain('Workdays: Mon–Sat');
    expect((await as(REP, 'settings daily 07:00')).text).toContain('Changing team settings is for the manager');
    expect((await as(MANAGER, 'settings 1on1-lead 5')).text).toContain('1on1 prep: 5 h');
    expect((await as(MANAGER, 'settings 1on1-lead soon')).text).toContain('“soon” is not a number of hours from 0 to 48, or `default`.');
    expect((await as(MANAGER, 'settings 1on1-lead default')).text).toContain('1on1 prep: 2 hours before (the daily digest time for a morning 1on1)');
    expect((await as(MANAGER, 'settings channel <#CNEWS1|sales-news>')).text).toContain('Channel for digests and reviews: <#CNEWS1>');
    expect((await as(MANAGER, 'settings channel sales-news')).text).toContain('“sales-news” is not a channel: mention it, as in #sales.');
    expect((await t.bot.store.teams.byId(team.id))!.channelId).toBe('CNEWS1');
    const saved = (await t.bot.store.teams.byId(team.id))!.settings;
    expect(saved).toMatchObject({ dailyTime: 8 * 60 + 30, timezone: 'Asia/Tokyo', workdays: [1, 2, 3, 4, 5, 6], oneOnOneLeadHours: null });
  });

  it('/kpi settings and /kpi target open their forms with the trigger', async () => {
    await setUpTeam();
    const res = await t.command('settings', { userId: MANAGER, channelId: 'CSALES1', triggerId: 'trig-settings' });
    expect(res.status).toBe(200);
    const open = await t.slack.waitFor('views.open', (c) => c.body.trigger_id === 'trig-settings');
    expect((open.body.view as { callback_id: string }).callback_id).toBe('kpi_settings');
    await t.command('target', { userId: MANAGER, channelId: 'CSALES1', triggerId: 'trig-target' });
    const target = await t.slack.waitFor('views.open', (c) => c.body.trigger_id === 'trig-target');
    expect((target.body.view as { callback_id: string }).callback_id).toBe('kpi_target');
  });

  it('the tree derives from the team’s targets with attainment on every node, and can be defined', async () => {
    await setUpTeam();
    await as(MANAGER, 'target revenue 10,000,000/month team');
    await as(MANAGER, 'target wins 50/month team');
    await as(MANAGER, 'target meetings 100/month team');
    await as(REP, 'log revenue 2,000,000 wins 10 meetings 40 calls 300');
    await as(REP2, 'log revenue 1,000,000 wins 5 meetings 20 calls 200');
    const derived = await as(REP, 'tree');
    expect(derived.text).toContain('KGI revenue* ¥3,000,000 / ¥10,000,000 (30%)');
    expect(derived.text).toContain('*Wins* 15 / 50 wins (30%)');
    expect(derived.text).toContain('*Meetings* 60 / 100 meetings (60%)');
    // The KGI's distance to the goal: ¥3,000,000 in 14 of November's 19 workdays forecasts ¥4,071,429; the
    // ¥7,000,000 still open over the 5 workdays left is ¥1,400,000 a workday.
    expect(derived.text).toContain('KGI: target ¥10,000,000 · forecast ¥4,071,429 · distance to the goal ¥5,928,571 (about ¥1,400,000 a workday from here)');
    expect(derived.text).toContain('Derived from the team’s targets');
    await as(MANAGER, 'tree set revenue 10,000,000/month');
    await as(MANAGER, 'tree set wins 50/month under revenue');
    expect((await as(MANAGER, 'tree set calls 500/month under nothing')).text).toContain('I don’t know the metric “nothing”');
    const badParent = await as(MANAGER, 'tree set calls 500/month under meetings');
    expect(badParent.text).toContain('meetings is not in the tree yet');
    const defined = await as(REP, 'tree');
    expect(defined.text).not.toContain('Derived from');
    expect(defined.text).toContain('*Wins* 15 / 50 wins');
    expect((await as(REP, 'tree set calls 1/day')).text).toContain('Defining the KPI tree is for the manager');
  });

  it('plan works back from revenue with the given rates: 50 wins, 100 meetings, 500 calls, 27 a workday in November', async () => {
    await setUpTeam();
    const reply = await as(REP, 'plan 7,000,000/month deal 140000 win 50% meeting 20%');
    expect(reply.text).toContain('50 wins → 100 meetings → 500 calls');
    expect(reply.text).toContain('Per workday (19 workdays): 3 wins · 6 meetings · 27 calls');
    expect(reply.text).toContain('Win rate: 50% (as you gave it)');
  });

  it('plan uses the team’s last 90 days, or template defaults when there is too little, saying so', async () => {
    await setUpTeam();
    const defaults = await as(REP, 'plan 5,000,000/month');
    expect(defaults.text).toContain('template default: too little history yet (0 wins in 90 days)');
    expect(defaults.text).toContain('10 wins → 50 meetings → 250 calls');
    now = new Date('2026-11-10T03:00:00Z');
    await as(REP, 'log revenue 4,000,000 wins 10 meetings 40 calls 400');
    now = NOW;
    const own = await as(REP, 'plan 4,000,000/month');
    expect(own.text).toContain('Average deal size: ¥400,000 (your team’s last 90 days)');
    expect(own.text).toContain('10 wins → 40 meetings → 400 calls');
  });

  it('answers in Japanese for a Japanese manager', async () => {
    t.slack.users.set(MANAGER, { id: MANAGER, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    await setUpTeam();
    const reply = await as(MANAGER, '目標 架電 50/日');
    expect(reply.text).toContain('*Tokyo Inside Sales* の各メンバー(2人)の目標を設定しました: 営業日1日あたり架電 50件');
    const status = await as(MANAGER, `status <@${REP}>`);
    expect(status.text).toContain('2026年11月');
  });
});
