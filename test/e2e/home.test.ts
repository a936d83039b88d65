import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import type { RecordedCall } from '../harness/fake-slack.js';
import { appHomeOpened, blockAction, choice, choices, date, initialValues, text, users, viewSubmission, type StateValue } from '../harness/payloads.js';
import { day } from '../../src/domain/days.js';

/** Friday 2026-11-20, 12:00 in Tokyo. */
const NOW = new Date('2026-11-20T03:00:00Z');
const ADMIN = 'UADMIN1';
const MANAGER = 'UMGR1';
const REP = 'UREP1';
const REP2 = 'UREP2';
const REP_JA = 'UREPJA';

type Loose = Record<string, unknown>;

/** Every piece of text in a view's blocks, one per line, as a reader would see it. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('\n');
  if (typeof value !== 'object' || value === null) return '';
  const v = value as Loose;
  const own = typeof v.text === 'string' ? [v.text] : [];
  const nested = Object.entries(v)
    .filter(([k]) => k !== 'text' || typeof v.text !== 'string')
    .map(([, child]) => textOf(child));
  return [...own, ...nested].filter(Boolean).join('\n');
}

const blocksOf = (view: Loose) => view.blocks as Loose[];

describe('App Home and the forms through the real Bolt receiver', () => {
  let t: TestBot;
  const as = (userId: string, command: string, channelId = 'CSALES1') => t.reply(command, { userId, channelId });

  beforeEach(async () => {
    t = await startTestBot({ clock: () => NOW, env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'en' } });
    for (const id of [ADMIN, MANAGER, REP, REP2]) t.slack.users.set(id, { id, locale: 'en-US', tz: 'Asia/Tokyo', real_name: `Person ${id}` });
    t.slack.users.set(REP_JA, { id: REP_JA, locale: 'ja-JP', tz: 'Asia/Tokyo', real_name: '佐藤' });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** Team Tokyo: the admin creates it, one manager, two reps and the Japanese rep; calls 50 a workday each, revenue for the team. */
  async function setUpTeam() {
    await as(ADMIN, 'team create Tokyo <#CSALES1|sales>');
    await as(ADMIN, `team add <@${MANAGER}> as manager`);
    await as(ADMIN, `team add <@${REP}> <@${REP2}> <@${REP_JA}>`);
    expect((await as(MANAGER, 'target calls 50/day')).text).toContain('Target set for each member');
    await as(MANAGER, 'target revenue 10,000,000/month team');
    return (await t.bot.store.teams.byName('T0001', 'Tokyo'))!;
  }

  /** Sends `app_home_opened` and returns the view published for that person afterwards. */
  async function openHome(userId: string): Promise<Loose> {
    const before = t.slack.calls.length;
    const res = await t.event(appHomeOpened(userId));
    expect(res.status).toBe(200);
    const call = await t.slack.waitFor('views.publish', (c) => c.body.user_id === userId && t.slack.calls.indexOf(c) >= before);
    return call.body.view as Loose;
  }

  /** Clicks "Log activity" and returns the modal opened with the click's trigger. */
  async function openLogForm(userId: string, triggerId = `trigger-${userId}-${Date.now()}`): Promise<Loose> {
    const res = await t.interact(blockAction('kpi_open_log', { userId, triggerId }));
    expect(res.status).toBe(200);
    const call = await t.slack.waitFor('views.open', (c) => c.body.trigger_id === triggerId);
    return call.body.view as Loose;
  }

  const pair = (n: number, metric: string | null, amount: string): Record<string, StateValue> => ({
    [`metric${n}`]: choice(metric),
    [`amount${n}`]: text(amount),
  });

  describe('App Home', () => {
    it('publishes the person’s own today / week / month, their streak and the log button', async () => {
      await setUpTeam();
      for (const d of ['2026-11-18', '2026-11-19', '2026-11-20']) await as(REP, `log calls 40 ${d}`);
      await as(REP2, 'log calls 7');
      const view = await openHome(REP);
      expect(view.type).toBe('home');
      const shown = textOf(view.blocks);
      expect(shown).toContain('Your KPIs, Person UREP1');
      expect(shown).toContain('*Today* (Fri 20 Nov)');
      expect(shown).toContain('*This week* (Mon 16 Nov – Sun 22 Nov)');
      expect(shown).toContain('*This month* (November 2026)');
      expect(shown).toContain('*Calls* 40 / 50 calls (80%)  ████████░░');
      // A day target set today (Friday the 20th) counts from today: the month's 6 workdays from it on.
      expect(shown).toContain('*Calls* 120 / 300 calls');
      expect(shown).toContain('🔥 3 workdays in a row with a log');
      expect(shown).toMatch(/heading for [\d,]+ calls by Mon 30 Nov/u);
      expect(shown).toContain('Updated 12:00');
      const buttons = blocksOf(view).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Loose[]);
      expect(buttons.map((b) => b.action_id)).toEqual(['kpi_open_log']);
      expect(shown).not.toContain('Your team');
      expect(shown).not.toContain(REP2);
      expect(shown).not.toMatch(/\b(failed|poor|behind)\b/iu);
    });

    it('a manager’s Home adds the team: month totals per team KPI and members at 80% of their targets', async () => {
      const team = await setUpTeam();
      await as(MANAGER, `target calls 1/month <@${REP2}>`);
      await as(REP, 'log calls 40 revenue 300000');
      await as(REP2, 'log calls 5');
      const view = await openHome(MANAGER);
      const shown = textOf(view.blocks);
      expect(shown).toContain('Your team: Tokyo');
      // A first month target is the month's, even set on the 20th.
      expect(shown).toContain('*Revenue* ¥300,000 / ¥10,000,000 (3%)');
      expect(shown).toContain('*Calls* 45 / ');
      expect(shown).toContain('1 of 3 members at 80% of their targets or more (33.3%)');
      expect(shown).toContain(`<@${REP2}>: 100%  ██████████`);
      expect(shown).toContain(`<@${REP}>: 13.3%`);
      expect(shown).toContain(`<@${REP_JA}>: 0%`);
      expect(team.name).toBe('Tokyo');
      // The rep's own Home has no team panel, and the messages tab publishes nothing.
      expect(textOf((await openHome(REP)).blocks)).not.toContain('Your team');
      const before = t.slack.callsTo('views.publish').length;
      await t.event(appHomeOpened(REP, 'messages'));
      await new Promise((r) => setTimeout(r, 150));
      expect(t.slack.callsTo('views.publish')).toHaveLength(before);
    });

    it('lists at most 20 members, then how many more, and stays inside Block Kit’s limits', async () => {
      await setUpTeam();
      const many = Array.from({ length: 24 }, (_, i) => `UMANY${String(i).padStart(2, '0')}`);
      await as(ADMIN, `team add ${many.map((id) => `<@${id}>`).join(' ')}`);
      await as(MANAGER, 'template sdr ' + many.slice(0, 3).map((id) => `<@${id}>`).join(' '));
      const view = await openHome(MANAGER);
      const shown = textOf(view.blocks);
      expect(shown.match(/^<@U[A-Z0-9]+>: /gmu)).toHaveLength(20);
      expect(shown).toContain('…and 7 more; `/kpi status @person` shows anyone in full.');
      expect(blocksOf(view).length).toBeLessThanOrEqual(100);
    });

    it('a person without a team or targets sees their logs, the way to get targets, and how to start a streak', async () => {
      const view = await openHome('ULONE1');
      const shown = textOf(view.blocks);
      expect(shown).toContain('Nothing logged yet.');
      expect(shown).toContain('No targets yet');
      expect(shown).toContain('Log today to start a streak.');
    });

    it('a streak waiting for today’s log says what a log today makes it', async () => {
      await as(REP, 'log calls 3 2026-11-18');
      await as(REP, 'log calls 3 2026-11-19');
      const shown = textOf((await openHome(REP)).blocks);
      expect(shown).toContain('🔥 2 workdays in a row with a log');
      expect(shown).toContain('A log today makes it 3.');
    });

    it('is in Japanese for a person whose Slack is in Japanese', async () => {
      await setUpTeam();
      await as(REP_JA, 'log 架電 45');
      const shown = textOf((await openHome(REP_JA)).blocks);
      expect(shown).toContain('佐藤 さんのKPI');
      expect(shown).toContain('*今日*(11月20日(金))');
      expect(shown).toContain('*今週*');
      expect(shown).toContain('*今月*(2026年11月)');
      expect(shown).toContain('🔥 1営業日連続で記録中');
      expect(shown).toContain('活動を記録');
      expect(shown).not.toMatch(/未達|失敗|ダメ/u);
    });
  });

  describe('the log form', () => {
    it('the button opens the log form with the click’s trigger, the day preset to today', async () => {
      const view = await openLogForm(REP, 'trigger-open-1');
      expect(view.callback_id).toBe('kpi_log');
      expect(view.type).toBe('modal');
      const ids = blocksOf(view).map((b) => b.block_id);
      expect(ids).toEqual(['metric1', 'amount1', 'metric2', 'amount2', 'metric3', 'amount3', 'day', 'note']);
      const dayBlock = blocksOf(view).find((b) => b.block_id === 'day')!;
      expect((dayBlock.element as Loose).initial_date).toBe('2026-11-20');
      expect(blocksOf(view).filter((b) => b.optional !== true).map((b) => b.block_id)).toEqual(['metric1', 'amount1', 'day']);
    });

    it('a valid submission stores like /kpi log, answers with the receipt and refreshes the Home', async () => {
      const form = await openLogForm(REP);
      const before = t.slack.calls.length;
      const res = await t.interact(
        viewSubmission(form, { ...pair(1, 'calls', '３０件'), ...pair(2, 'meetings', '2'), ...pair(3, null, ''), day: date('2026-11-19'), note: text('tried a new opener') }, { userId: REP }),
      );
      expect(res.status).toBe(200);
      expect(res.body?.response_action).toBe('update');
      const receipt = textOf(res.body!.view!.blocks);
      expect(receipt).toContain('Logged for yesterday (Thu 19 Nov): 30 calls · 2 meetings');
      expect(receipt).toContain('Note saved: “tried a new opener”');

      // The same log typed as a command by someone else is stored the same way.
      await as(REP2, 'log calls 30 meetings 2 yesterday -- tried a new opener');
      const fromForm = await t.bot.store.activity.entriesOf('T0001', REP);
      expect(fromForm).toEqual(await t.bot.store.activity.entriesOf('T0001', REP2));
      expect(fromForm).toEqual([
        { metric: 'meetings', value: 2, day: day('2026-11-19'), note: 'tried a new opener' },
        { metric: 'calls', value: 30, day: day('2026-11-19'), note: 'tried a new opener' },
      ]);
      expect((await t.bot.store.totals.dayTotals('T0001', REP, day('2026-11-19'))).values).toEqual({ calls: 30, meetings: 2 });
      const home = await t.slack.waitFor('views.publish', (c: RecordedCall) => c.body.user_id === REP && t.slack.calls.indexOf(c) >= before);
      expect(textOf((home.body.view as Loose).blocks)).toContain('30 calls · 2 meetings');
    });

    it('answers errors under each wrong field and stores nothing', async () => {
      const form = await openLogForm(REP);
      const res = await t.interact(
        viewSubmission(form, { ...pair(1, 'calls', 'lots'), ...pair(2, 'meetings', ''), ...pair(3, null, '5'), day: date('2026-11-21'), note: text('') }, { userId: REP }),
      );
      expect(res.body?.response_action).toBe('errors');
      expect(res.body?.errors).toEqual({
        amount1: '“lots” is not a number I can read for calls.',
        amount2: 'Enter a number for this metric.',
        metric3: 'Choose the metric this number is for.',
        day: 'Sat 21 Nov is still ahead; logs are for today or earlier.',
      });
      expect(await t.bot.store.activity.entriesOf('T0001', REP)).toEqual([]);
    });

    it.each([
      ['-5', 'can’t be negative'],
      ['2.5', 'whole numbers'],
      ['100001', 'looks like a typo'],
      ['20%', 'not a percentage'],
    ])('refuses the number “%s” under its field', async (amount, says) => {
      const form = await openLogForm(REP);
      const res = await t.interact(viewSubmission(form, { ...pair(1, 'calls', amount), day: date('2026-11-20') }, { userId: REP }));
      expect(res.body?.response_action).toBe('errors');
      expect(Object.keys(res.body!.errors!)).toEqual(['amount1']);
      expect(res.body!.errors!.amount1).toContain(says);
      expect(await t.bot.store.activity.entriesOf('T0001', REP)).toEqual([]);
    });

    it('refuses a day more than 31 days back, and a first pair left empty', async () => {
      const form = await openLogForm(REP);
      const old = await t.interact(viewSubmission(form, { ...pair(1, 'calls', '5'), day: date('2026-10-01') }, { userId: REP }));
      expect(Object.keys(old.body!.errors!)).toEqual(['day']);
      expect(old.body!.errors!.day).toContain('more than 31 days back');
      const empty = await t.interact(viewSubmission(form, { ...pair(1, null, ''), day: date('2026-11-20') }, { userId: REP }));
      expect(Object.keys(empty.body!.errors!).sort()).toEqual(['amount1', 'metric1']);
      expect(await t.bot.store.activity.entriesOf('T0001', REP)).toEqual([]);
    });

    it('a day total over the ceiling comes back under the first number', async () => {
      await as(REP, 'log calls 99999');
      const form = await openLogForm(REP);
      const res = await t.interact(viewSubmission(form, { ...pair(1, 'emails', '2'), ...pair(2, 'calls', '2'), day: date('2026-11-20') }, { userId: REP }));
      expect(res.body?.response_action).toBe('errors');
      expect(Object.keys(res.body!.errors!)).toEqual(['amount1']);
      expect(res.body!.errors!.amount1).toContain('100,000 calls');
      expect((await t.bot.store.totals.dayTotals('T0001', REP, day('2026-11-20'))).values).toEqual({ calls: 99_999 });
    });

    it('stores the same view submitted twice once', async () => {
      const form = await openLogForm(REP);
      const submit = () => t.interact(viewSubmission(form, { ...pair(1, 'calls', '30'), day: date('2026-11-20') }, { userId: REP, viewId: 'VSAME01' }));
      expect((await submit()).body?.response_action).toBe('update');
      const again = await submit();
      expect(again.body?.response_action).toBe('update');
      expect(textOf(again.body!.view!.blocks)).toContain('already stored');
      expect((await t.bot.store.totals.dayTotals('T0001', REP, day('2026-11-20'))).values).toEqual({ calls: 30 });
    });

    it('speaks Japanese to a Japanese user', async () => {
      const form = await openLogForm(REP_JA);
      expect((form.title as Loose).text).toBe('活動を記録');
      const wrong = await t.interact(viewSubmission(form, { ...pair(1, 'calls', 'たくさん'), day: date('2026-11-20') }, { userId: REP_JA }));
      expect(wrong.body!.errors!.amount1).toBe('「たくさん」は架電の数として読み取れませんでした。');
      const res = await t.interact(viewSubmission(form, { ...pair(1, 'calls', '45'), day: date('2026-11-20') }, { userId: REP_JA }));
      expect(textOf(res.body!.view!.blocks)).toContain('今日(11月20日(金))の分として記録しました: 架電 45件');
    });
  });

  describe('the settings and target forms', () => {
    async function settingsForm(userId: string): Promise<Loose> {
      const triggerId = `trigger-settings-${userId}`;
      expect((await t.reply('settings', { userId, channelId: 'CSALES1', triggerId })).text).toBe('');
      return (await t.slack.waitFor('views.open', (c) => c.body.trigger_id === triggerId)).body.view as Loose;
    }

    it('settings with 25:00 and Mars/Base get errors on those two fields and save nothing; a good form saves and closes', async () => {
      const team = await setUpTeam();
      const form = await settingsForm(MANAGER);
      expect(form.callback_id).toBe('kpi_settings');
      const bad = await t.interact(viewSubmission(form, { ...initialValues(form), timezone: text('Mars/Base'), daily: text('25:00') }, { userId: MANAGER }));
      expect(bad.body?.response_action).toBe('errors');
      expect(Object.keys(bad.body!.errors!).sort()).toEqual(['daily', 'timezone']);
      expect(bad.body!.errors!.timezone).toContain('Mars/Base');
      expect(bad.body!.errors!.daily).toContain('25:00');
      expect((await t.bot.store.teams.byId(team.id))!.settings).toEqual(team.settings);

      const good = await t.interact(
        viewSubmission(form, { ...initialValues(form), timezone: text('America/New_York'), daily: text('08:30'), workdays: choices(['1', '2', '3', '4']) }, { userId: MANAGER }),
      );
      expect(good.status).toBe(200);
      expect(good.body).toBeNull();
      const saved = (await t.bot.store.teams.byId(team.id))!.settings;
      expect(saved).toMatchObject({ timezone: 'America/New_York', dailyTime: 8 * 60 + 30, workdays: [1, 2, 3, 4] });
    });

    it('a rep’s settings submission is refused under the first field and saves nothing', async () => {
      const team = await setUpTeam();
      const form = await settingsForm(MANAGER);
      const res = await t.interact(viewSubmission(form, { ...initialValues(form), timezone: text('Europe/London') }, { userId: REP }));
      expect(res.body?.response_action).toBe('errors');
      expect(Object.keys(res.body!.errors!)).toEqual(['timezone']);
      // The admin who created the team is no manager of it, so is not named as one.
      expect(res.body!.errors!.timezone).toContain(`Changing team settings is for the manager of Tokyo (@Person ${MANAGER}) or an admin`);
      expect(res.body!.errors!.timezone).not.toContain('*');
      expect((await t.bot.store.teams.byId(team.id))!.settings.timezone).toBe('Asia/Tokyo');
    });

    it('a target from the form is refused to a rep and stored for the manager', async () => {
      await setUpTeam();
      const triggerId = 'trigger-target-1';
      await t.reply('target', { userId: MANAGER, channelId: 'CSALES1', triggerId });
      const form = (await t.slack.waitFor('views.open', (c) => c.body.trigger_id === triggerId)).body.view as Loose;
      expect(form.callback_id).toBe('kpi_target');
      const values = { ...initialValues(form), metric: choice('meetings'), amount: text('12'), period: choice('month'), who: choice('users'), people: users([REP2]) };

      const refused = await t.interact(viewSubmission(form, values, { userId: REP }));
      expect(refused.body?.response_action).toBe('errors');
      expect(Object.keys(refused.body!.errors!)).toEqual(['metric']);
      expect(refused.body!.errors!.metric).toContain('Setting targets is for the manager of Tokyo');
      const before = await t.bot.store.targets.of('T0001', 'person', REP2, day('2026-11-20'));
      expect(before.map((x) => x.metric)).toEqual(['calls']);

      const missing = await t.interact(viewSubmission(form, { ...values, amount: text('a dozen') }, { userId: MANAGER }));
      expect(missing.body?.errors).toHaveProperty('amount');

      const set = await t.interact(viewSubmission(form, values, { userId: MANAGER }));
      expect(set.body?.response_action).toBe('update');
      expect(textOf(set.body!.view!.blocks)).toContain('12 meetings a month');
      const after = await t.bot.store.targets.of('T0001', 'person', REP2, day('2026-11-20'));
      expect(after.map((x) => [x.metric, x.value, x.period])).toEqual([
        ['calls', 50, 'day'],
        ['meetings', 12, 'month'],
      ]);
    });
  });
});
