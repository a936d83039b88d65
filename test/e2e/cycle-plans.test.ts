/**
 * Issue 15 (seed 004), plans people act on, through the signed harness and the real scheduler:
 * `/kpi plan 1000万/月 apply` sets the targets it printed (once, for a manager only); the plan agreed
 * in a 1on1 shows in the rep's next morning DM and on App Home; and the next 1on1 prep holds the
 * plan's actions that name a KPI against what the rep logged since. In English and in Japanese.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { blockTexts, dailyRows, seedCraftedTeam, wordingProblems } from '../harness/coaching-teams.js';
import { guardedState } from '../harness/guarded-state.js';
import { appHomeOpened, blockAction } from '../harness/payloads.js';
import { day, type Day } from '../../src/domain/days.js';
import type { Locale } from '../../src/domain/locale.js';
import type { Team } from '../../src/store/index.js';

const CALENDAR = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' } as const;
const BLAME: Record<Locale, RegExp> = {
  en: /\b(fail(s|ed|ure|ing)?|poor(ly)?|behind|worst|lazy|bad(ly)?|underperform\w*|disappoint\w*|shortfall|lagging|slacking)\b/iu,
  ja: /(未達|失敗|ダメ|駄目|最下位|怠慢|不足|遅れ|サボ|怠け|低迷|ワースト)/u,
};

interface Words {
  readonly slack: string;
  readonly apply: string;
  readonly chain: RegExp;
  readonly ask: string;
  readonly items: (n: { wins: string; meetings: string; calls: string }) => string;
  readonly applied: string;
  readonly already: string;
  readonly refused: string;
  readonly kgi: RegExp;
  readonly plan: string;
  readonly planTitle: string;
  readonly kept: string;
  readonly distance: string;
}

const WORDS: Record<Locale, Words> = {
  en: {
    slack: 'en-US',
    apply: 'plan 1000万/月 apply',
    chain: /([\d,]+) wins → ([\d,]+) meetings → ([\d,]+) calls/u,
    ask: 'It sets these targets on *Team en*’s total from Tue 24 Nov:',
    items: (n) => `¥10,000,000 a month · ${n.wins} wins a month · ${n.meetings} meetings a month · ${n.calls} calls a month`,
    applied: '✅ Applied to *Team en*’s total from Tue 24 Nov:',
    already: 'This plan was applied on Tue 24 Nov by <@UENMGR>; nothing changed.',
    refused: 'Setting targets is for the manager of *Team en*',
    kgi: /KGI: target ¥10,000,000 · forecast ¥[\d,]+ · distance to the goal ¥[\d,]+ \(about ¥[\d,]+ a workday from here\)/u,
    plan: 'Approach 10 new leads every workday\nRole-play the opening 3 times a week',
    planTitle: '🧭 Your action plan (agreed Tue 24 Nov)',
    kept: 'How the agreed actions went: Agreed 10 leads a workday; logged 8.4 leads a workday over 5 workdays (84%).',
    distance: 'The distance to what was agreed is 1.6 leads a workday.',
  },
  ja: {
    slack: 'ja-JP',
    apply: '計画 1000万/月 適用',
    chain: /受注 ([\d,]+)件 → 商談 ([\d,]+)件 → 架電 ([\d,]+)件/u,
    ask: '*Team ja* のチーム目標を11月24日(火)から次のとおり設定します:',
    items: (n) => `月売上 1,000万円・月受注 ${n.wins}件・月商談 ${n.meetings}件・月架電 ${n.calls}件`,
    applied: '✅ *Team ja* のチーム目標に適用しました(11月24日(火)から):',
    already: 'この計画は11月24日(火)に<@UJAMGR>さんが適用済みです。何も変更していません。',
    refused: '*Team ja*',
    kgi: /KGI: 着地見込み [\d,万]+円 → 目標 1,000万円、ゴールまであと [\d,万]+円/u,
    plan: '毎日10件の新規リードにアプローチする\n週3回ロールプレイ',
    planTitle: '🧭 あなたのアクションプラン(11月24日(火)に合意)',
    kept: '合意したアクションの実行状況: 合意: リード 1営業日あたり10件。記録: 5営業日でリード 1営業日あたり8.4件(84%)。',
    distance: 'あとリード 1営業日あたり1.6件で合意した量に届きます。',
  },
};

/** Leads the rep logs each workday after the plan: 42 over the 5 workdays from Tue 24 to Mon 30 November, 8.4 a workday. */
const LEADS: readonly [Day, number][] = [
  [day('2026-11-24'), 6],
  [day('2026-11-25'), 8],
  [day('2026-11-26'), 9],
  [day('2026-11-27'), 10],
  [day('2026-11-30'), 9],
];

describe.each(['en', 'ja'] as const)('plans people act on, in %s', (locale) => {
  const w = WORDS[locale];
  const p = `U${locale.toUpperCase()}`;
  const MANAGER = `${p}MGR`;
  const REP = `${p}REP1`;
  const REP2 = `${p}REP2`;
  const FIELD = `${p}FLD1`;
  let t: TestBot;
  let team: Team;
  let now: Date;
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const as = (userId: string, text: string, triggerId?: string) => t.reply(text, { userId, channelId: 'CSALES', ...(triggerId ? { triggerId } : {}) });
  const click = async (userId: string, value: string, trigger: string) => {
    const answer = await t.interact(blockAction('kpi_plan_apply', { userId, triggerId: trigger, value }));
    expect(answer.status).toBe(200);
    const view = (await t.slack.waitFor('views.open', (c) => c.body.trigger_id === trigger)).body.view as { blocks: unknown[] };
    return blockTexts(view.blocks).join('\n');
  };
  const buttonOf = (blocks: unknown[]) => /"action_id":"kpi_plan_apply","value":"([0-9a-f]{24})"/u.exec(JSON.stringify(blocks))?.[1] ?? null;

  async function seed() {
    at('2026-11-24T03:00:00Z'); // Tuesday 24 November, 12:00 in Tokyo
    t = await startTestBot({ clock: () => now, env: { KPI_LOCALE: locale } });
    for (const id of [MANAGER, REP, REP2, FIELD]) t.slack.users.set(id, { id, locale: w.slack, tz: 'Asia/Tokyo' });
    const from = day('2026-09-01');
    team = await seedCraftedTeam(t.bot.store, {
      workspace: 'T0001',
      name: `Team ${locale}`,
      channelId: 'CSALES',
      locale,
      manager: MANAGER,
      reps: [
        { userId: REP, role: 'sdr' },
        { userId: REP2, role: 'sdr' },
        { userId: FIELD, role: 'field' },
      ],
      targets: [REP, REP2].map((subject) => ({ scope: 'person' as const, subject, metric: 'calls', value: 50, period: 'day' as const, effectiveFrom: from })),
      rows: [
        ...[REP, REP2].flatMap((u) => dailyRows(u, from, day('2026-11-23'), CALENDAR, (_d, i) => ({ calls: 50, meetings: i % 2 === 0 ? 3 : 2 }))),
        ...dailyRows(FIELD, from, day('2026-11-23'), CALENDAR, (_d, i): Record<string, number> => (i % 5 === 0 ? { meetings: 1, wins: 1, revenue: 600_000 } : { meetings: 1 })),
      ],
      at: new Date('2026-09-01T00:00:00Z'),
    });
  }

  afterEach(async () => {
    await t.stop();
  });

  it('`/kpi plan 1000万/月 apply` sets the targets it printed, for a manager, once; the tree shows the KGI gap', async () => {
    await seed();
    // A rep may see the plan but not apply it: refused, nothing kept.
    const byRep = await as(REP, w.apply);
    expect(byRep.text).toContain(w.refused);
    expect(buttonOf(byRep.blocks)).toBeNull();
    // Bad input is said in the person's language, and nothing is kept.
    const bad = await as(MANAGER, 'plan 0/month apply');
    expect(buttonOf(bad.blocks)).toBeNull();
    expect(bad.text).toContain(locale === 'en' ? '“0”' : '「0」');

    const asked = await as(MANAGER, w.apply, 'trig-apply-1');
    const [, wins, meetings, calls] = w.chain.exec(asked.text) ?? [];
    expect(wins && meetings && calls, asked.text).toBeTruthy();
    expect(asked.text).toContain(w.ask);
    expect(asked.text).toContain(w.items({ wins: wins!, meetings: meetings!, calls: calls! }));
    expect(wordingProblems(asked.text, locale)).toEqual([]);
    expect(asked.text).not.toMatch(BLAME[locale]);
    const id = buttonOf(asked.blocks)!;
    expect(id).toMatch(/^[0-9a-f]{24}$/u);
    // Slack sending the same command twice keeps one proposal: the same button.
    expect(buttonOf((await as(MANAGER, w.apply, 'trig-apply-1')).blocks)).toBe(id);
    // Nothing is set before the click.
    const before = await guardedState(t.bot.store, 'T0001');
    expect(await t.bot.store.targets.of('T0001', 'team', String(team.id), day('2026-11-24'))).toEqual([]);

    // A rep's click is refused and changes nothing.
    expect(await click(REP, id, 'trig-rep')).toContain(w.refused);
    expect(await guardedState(t.bot.store, 'T0001')).toEqual(before);

    const receipt = await click(MANAGER, id, 'trig-mgr-1');
    expect(receipt).toContain(w.applied);
    expect(receipt).toContain(w.items({ wins: wins!, meetings: meetings!, calls: calls! }));
    const n = (s: string) => Number(s.replace(/,/gu, ''));
    const set = await t.bot.store.targets.of('T0001', 'team', String(team.id), day('2026-11-24'));
    expect(Object.fromEntries(set.map((x) => [x.metric, [x.value, x.period, x.effectiveFrom]]))).toEqual({
      revenue: [10_000_000, 'month', '2026-11-24'],
      wins: [n(wins!), 'month', '2026-11-24'],
      meetings: [n(meetings!), 'month', '2026-11-24'],
      calls: [n(calls!), 'month', '2026-11-24'],
    });
    const tree = await t.bot.store.trees.nodes(team.id);
    expect(tree.filter((x) => !x.metric.includes('rate') && x.metric !== 'avg_deal_size').map((x) => [x.metric, x.value, x.parent])).toEqual([
      ['revenue', 10_000_000, null],
      ['wins', n(wins!), 'revenue'],
      ['meetings', n(meetings!), 'wins'],
      ['calls', n(calls!), 'meetings'],
    ]);

    // A second click, and the same click replayed, change nothing.
    const applied = await guardedState(t.bot.store, 'T0001');
    expect(await click(MANAGER, id, 'trig-mgr-2')).toContain(w.already);
    expect(await click(MANAGER, id, 'trig-mgr-2b')).toContain(w.already);
    expect(await guardedState(t.bot.store, 'T0001')).toEqual(applied);

    // The tree now shows the KGI with the distance from the forecast to the goal.
    const shown = await as(REP, 'tree');
    expect(shown.text).toMatch(w.kgi);
    expect(wordingProblems(shown.text, locale)).toEqual([]);
  });

  it('the agreed plan shows in the next morning DM and on App Home; the next prep holds its KPI action against the log', async () => {
    await seed();
    const saved = await as(MANAGER, `1on1 plan <@${REP}> ${w.plan}`);
    expect(saved.status).toBe(200);
    expect((await t.bot.store.oneonones.latestPlan('T0001', REP))?.text).toBe(w.plan);
    at('2026-11-25T01:00:00Z');
    await as(MANAGER, `1on1 schedule <@${REP}> tue 15:00`);

    // The next morning: the plan is in the rep's DM, quoted as saved.
    at('2026-11-25T00:00:00Z');
    await t.bot.scheduler.tick(now);
    const dm = t.slack.accepted('chat.postMessage').filter((c) => c.body.channel === `D${REP.slice(1)}`);
    expect(dm).toHaveLength(1);
    const dmText = String(dm[0]!.body.text);
    expect(dmText).toContain(w.planTitle);
    for (const line of w.plan.split('\n')) expect(dmText).toContain(`> ${line}`);
    expect(blockTexts(dm[0]!.body.blocks as unknown[]).join('\n')).toContain(w.planTitle);
    expect(wordingProblems(dmText, locale)).toEqual([]);
    // Only the rep gets it: their teammate's DM has no plan.
    const other = t.slack.accepted('chat.postMessage').filter((c) => c.body.channel === `D${REP2.slice(1)}`);
    expect(String(other[0]?.body.text)).not.toContain(w.planTitle);

    // App Home shows it too.
    await t.event(appHomeOpened(REP));
    const home = await t.slack.waitFor('views.publish', (c) => c.body.user_id === REP);
    const homeText = blockTexts((home.body.view as { blocks: unknown[] }).blocks).join('\n');
    expect(homeText).toContain(w.planTitle);
    expect(homeText).toContain(`> ${w.plan.split('\n')[0]}`);

    // The rep logs leads on each workday since the plan (the plan's day included).
    for (const [d, leads] of LEADS) {
      at(`${d}T09:00:00Z`);
      expect((await as(REP, `log leads ${leads} calls 50`)).status).toBe(200);
    }

    // The next 1on1 (Tue 1 December, 15:00): its prep at 13:00 holds the agreed 10 leads a workday against 42 in 5 workdays.
    at('2026-12-01T04:00:00Z');
    await t.bot.scheduler.tick(now);
    const prep = t.slack.accepted('chat.postMessage').filter((c) => c.body.channel === `D${MANAGER.slice(1)}` && String(c.body.text).includes('1on1'));
    expect(prep).toHaveLength(1);
    const prepText = String(prep[0]!.body.text);
    expect(prepText).toContain(w.kept);
    expect(prepText).toContain(w.distance);
    // The role-play has no number of anything logged: it is not held against the log.
    const keptPart = prepText.slice(prepText.indexOf(w.kept.slice(0, 12)));
    expect(keptPart.split('\n')[0]).not.toMatch(/ロールプレイ|role-play/iu);
    expect(prepText).not.toMatch(BLAME[locale]);
    expect(wordingProblems(prepText, locale)).toEqual([]);
  });
});
