/**
 * Issue 15 (seed 004), the monthly cycle through the signed harness and the real scheduler: on the
 * month's first workday the team's channel gets the review of the month before and the month's
 * kickoff, team totals only, exactly once across ticks and a restart, in the team's language; the
 * switches turn each off; and `/kpi diagnose` tells design, execution and market apart, only to the
 * caller, with seed 003's checklist.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot, tempDir, type TestBot } from '../harness/bot.js';
import { Clocked } from '../harness/clocked.js';
import { dailyRows, seedCraftedTeam, wordingProblems } from '../harness/coaching-teams.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { day, type Day } from '../../src/domain/days.js';
import type { Locale } from '../../src/domain/locale.js';

const CALENDAR = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' } as const;
const REPS = ['UREP1', 'UREP2', 'UREP3'] as const;
const FIELD = 'UFLD1';
const MANAGER = 'UMGR1';
const CHANNEL = 'CSALES';
const FROM = day('2026-09-01');
const LAST = day('2026-11-30');
const BLAME: Record<Locale, RegExp> = {
  en: /\b(fail(s|ed|ure|ing)?|poor(ly)?|behind|worst|lazy|bad(ly)?|underperform\w*|disappoint\w*|shortfall|lagging|slacking)\b/iu,
  ja: /(未達|失敗|ダメ|駄目|最下位|怠慢|不足|遅れ|サボ|怠け|低迷|ワースト)/u,
};

/** Each SDR's workday: calls and connects steady, meetings 2 a day until October and a little more in November. */
const sdrDay = (rep: number) => (d: Day, i: number) => ({ calls: 45 + rep, connects: 14, meetings: d >= day('2026-11-01') && i % 3 === 0 ? 3 : 2 });
/** The one field rep's visits: a KPI that one person owns, never shown in the channel. */
const fieldDay = () => ({ visits: 1 });

function seedRows() {
  return [
    ...REPS.flatMap((u, r) => dailyRows(u, FROM, LAST, CALENDAR, sdrDay(r))),
    ...dailyRows(FIELD, FROM, LAST, CALENDAR, fieldDay),
  ];
}

/** The team's total of a metric over a month (`2026-11`), from the rows the test logged. */
function monthTotal(rows: ReturnType<typeof seedRows>, metric: string, month: string): number {
  return rows.filter((r) => r.day.startsWith(month) && r.metric === metric).reduce((sum, r) => sum + r.value, 0);
}

const WORDS = {
  en: {
    slack: 'en-US',
    decision: 'decision Call the webinar leads first',
    decided: 'Call the webinar leads first',
    review: '🗓️ Month-end review · Tokyo · November 2026',
    kickoff: '🚀 Kickoff · Tokyo · December 2026',
    january: '🚀 Kickoff · Tokyo · January 2027',
    reviewLine: (nov: string, oct: string, pct: number, left: string) => `• Meetings: ${nov} / 150 meetings (${pct}%) · month before ${oct} meetings · the distance to the goal was ${left} meetings`,
    kickoffLine: '• Meetings: 150 meetings → 7 meetings a workday as a team',
    visits: /visit/iu,
    reviewOff: 'settings month-review off',
    reviewOffDone: 'Month-end review of the month just ended, on the next month’s first workday: off.',
    weekly: /weekly review/iu,
  },
  ja: {
    slack: 'ja-JP',
    decision: 'decision ウェビナーのリードから架電する',
    decided: 'ウェビナーのリードから架電する',
    review: '🗓️ 月次レビュー・Tokyo・2026年11月',
    kickoff: '🚀 キックオフ・Tokyo・2026年12月',
    january: '🚀 キックオフ・Tokyo・2027年1月',
    reviewLine: (nov: string, oct: string, pct: number, left: string) => `• 商談: ${nov} / 150件(${pct}%)、前月 ${oct}件、ゴールまであと${left}件でした`,
    kickoffLine: '• 商談: 150件 → チームで1営業日あたり7件',
    visits: /訪問/u,
    reviewOff: 'settings 月次レビュー オフ',
    reviewOffDone: '月次レビュー',
    weekly: /週次レビュー/u,
  },
} as const;

describe.each(['en', 'ja'] as const)('the monthly cycle, in %s', (locale) => {
  const w = WORDS[locale];
  const bots: TestBot[] = [];
  let dir: ReturnType<typeof tempDir>;
  afterEach(async () => {
    for (const b of bots.splice(0)) await b.stop();
    dir.remove();
  });

  async function seed(c: Clocked, slack: FakeSlack) {
    dir = tempDir();
    const t = await c.start({ slack, dbPath: `${dir.path}/kpi.sqlite`, env: { KPI_LOCALE: locale } });
    bots.push(t);
    for (const id of [MANAGER, ...REPS, FIELD]) slack.users.set(id, { id, locale: w.slack, tz: 'Asia/Tokyo' });
    await seedCraftedTeam(t.bot.store, {
      workspace: 'T0001',
      name: 'Tokyo',
      channelId: CHANNEL,
      locale,
      manager: MANAGER,
      reps: [...REPS.map((userId) => ({ userId, role: 'sdr' as const })), { userId: FIELD, role: 'field' as const }],
      targets: [
        ...REPS.map((subject) => ({ scope: 'person' as const, subject, metric: 'calls', value: 50, period: 'day' as const, effectiveFrom: FROM })),
        { scope: 'person' as const, subject: FIELD, metric: 'visits', value: 30, period: 'month' as const, effectiveFrom: FROM },
        { scope: 'team' as const, subject: 'team', metric: 'meetings', value: 150, period: 'month' as const, effectiveFrom: FROM },
      ],
      rows: seedRows(),
      at: new Date('2026-09-01T00:00:00Z'),
    });
    return t;
  }

  it('reviews November and kicks off December on Tue 1 December, team totals only, exactly once', async () => {
    const slack = await new FakeSlack().start();
    const c = new Clocked('2026-11-30T09:00:00Z', CHANNEL);
    const t = await seed(c, slack);
    expect((await c.as(MANAGER, w.decision)).status).toBe(200);

    await c.tick('2026-11-30T23:59:00Z'); // 08:59 in Tokyo: not yet
    expect(c.postsTo(CHANNEL).filter((p) => p.startsWith('🗓️') || p.startsWith('🚀'))).toEqual([]);
    await c.tick('2026-12-01T00:00:00Z'); // 09:00, the weekly time, on the month's first workday
    await c.tick('2026-12-01T00:01:00Z');
    // A restart on the same database and later ticks send nothing again.
    await t.stop();
    bots.splice(0);
    const again = await startTestBot({ slack, dbPath: `${dir.path}/kpi.sqlite`, clock: () => c.now, env: { KPI_LOCALE: locale } });
    bots.push(again);
    c.t = again;
    await c.tick('2026-12-01T00:02:00Z');
    await c.tick('2026-12-01T05:00:00Z');

    const posts = c.postsTo(CHANNEL);
    const reviews = posts.filter((p) => p.startsWith(w.review));
    const kickoffs = posts.filter((p) => p.startsWith(w.kickoff));
    expect(reviews).toHaveLength(1);
    expect(kickoffs).toHaveLength(1);
    const review = reviews[0]!;
    const kickoff = kickoffs[0]!;

    // The review's figures are the month's team totals of what was logged.
    const rows = seedRows();
    const nov = monthTotal(rows, 'meetings', '2026-11');
    const oct = monthTotal(rows, 'meetings', '2026-10');
    const fmt = (n: number) => n.toLocaleString('en-US');
    expect(review).toContain(w.reviewLine(fmt(nov), fmt(oct), Math.round((nov / 150) * 100), fmt(150 - nov)));
    expect(review).toContain(fmt(monthTotal(rows, 'calls', '2026-11')));
    // The month's decision is in the review.
    expect(review).toContain(w.decided);
    // The kickoff sets the month's team target per workday (150 meetings over 23 workdays: 7 a workday).
    expect(kickoff).toContain(w.kickoffLine);
    // Team totals only: no one is named, and the field rep's own visits are not shown.
    for (const post of [review, kickoff]) {
      expect(post).not.toMatch(/<@U/u);
      expect(post).not.toMatch(w.visits);
      expect(post).not.toMatch(BLAME[locale]);
      expect(wordingProblems(post, locale)).toEqual([]);
    }
    // Reps get their morning DMs as on any day; neither post goes to a DM.
    const dms = slack.accepted('chat.postMessage').filter((x) => String(x.body.channel).startsWith('D'));
    expect(dms.some((x) => String(x.body.text).startsWith(w.review) || String(x.body.text).startsWith(w.kickoff))).toBe(false);

    // A manager turns the review off: January (first workday Mon 4 January, after the new year's holidays) has a kickoff only.
    c.at('2026-12-02T01:00:00Z');
    expect((await c.as(MANAGER, w.reviewOff)).text).toContain(w.reviewOffDone);
    await c.tick('2027-01-01T00:00:00Z'); // a public holiday: nothing of the month yet
    expect(c.postsTo(CHANNEL).filter((p) => p.startsWith(w.january))).toEqual([]);
    await c.tick('2027-01-04T00:00:00Z');
    const january = c.postsTo(CHANNEL);
    expect(january.filter((p) => p.startsWith(w.january))).toHaveLength(1);
    expect(january.filter((p) => p.startsWith('🗓️'))).toHaveLength(1); // still only November's
  }, 60_000);
});

/** Three teams whose meetings fall short of target in November, each for a different reason. */
describe('/kpi diagnose tells design, execution and market apart, only to the caller', () => {
  let t: TestBot;
  afterEach(async () => {
    await t.stop();
  });

  it('names the likely cause with its checklist, to the caller alone', async () => {
    const now = new Date('2026-11-20T01:00:00Z'); // Friday 20 November, 10:00 in Tokyo
    t = await startTestBot({ clock: () => now, env: { KPI_LOCALE: 'en' } });
    const NOV = day('2026-11-01');
    const team = async (p: string, target: number, rows: (rep: number, d: Day) => Record<string, number>, locale: Locale = 'en') => {
      const reps = [1, 2, 3].map((i) => `${p}${i}`);
      for (const id of [`${p}M`, ...reps]) t.slack.users.set(id, { id, locale: locale === 'en' ? 'en-US' : 'ja-JP', tz: 'Asia/Tokyo' });
      await seedCraftedTeam(t.bot.store, {
        workspace: 'T0001',
        name: p,
        channelId: `C${p}`,
        locale,
        manager: `${p}M`,
        reps: reps.map((userId) => ({ userId, role: 'sdr' as const })),
        targets: reps.map((subject) => ({ scope: 'person' as const, subject, metric: 'meetings', value: target, period: 'month' as const, effectiveFrom: day('2026-08-01') })),
        rows: reps.flatMap((u, i) => dailyRows(u, day('2026-08-01'), day('2026-11-19'), CALENDAR, (d) => rows(i, d))),
        at: new Date('2026-08-01T00:00:00Z'),
      });
    };
    // Design: a target of 40 meetings a month for people who have always done about 21.
    await team('UDES', 40, () => ({ calls: 50, connects: 15, meetings: 1 }));
    // Execution: one person's meetings fell in November; the others hold.
    await team('UEXE', 20, (i, d) => ({ calls: 50, connects: 15, meetings: i === 0 && d >= NOV && Number(d.slice(8)) % 3 !== 0 ? 0 : 1 }));
    // Market: everyone's meetings fell at once.
    await team('UMKT', 20, (_i, d) => ({ calls: 50, connects: 15, meetings: d >= NOV && Number(d.slice(8)) % 2 === 1 ? 0 : 1 }));
    // Market, in Japanese.
    await team('UJMK', 20, (_i, d) => ({ calls: 50, connects: 15, meetings: d >= NOV && Number(d.slice(8)) % 2 === 1 ? 0 : 1 }), 'ja');

    const posted = () => t.slack.accepted('chat.postMessage').length;
    const before = posted();
    const ask = async (userId: string, text = 'diagnose') => {
      const r = await t.reply(text, { userId, channelId: 'CANY' });
      expect(r.status).toBe(200);
      return r.text;
    };

    // `me` is one's own, a manager's too: not the team's.
    expect(await ask('UDESM', 'diagnose me')).toContain('🩺 Diagnosis: You · November 2026');
    const design = await ask('UDESM');
    expect(design).toContain('🩺 Diagnosis: UDES · November 2026');
    expect(design).toMatch(/Likely the KPI’s design: the target of 120 meetings is more than 1\.5× the best of the last three months \([\d,]+ meetings\)\./u);
    expect(design).toContain('Re-set the target from recent actuals');

    const execution = await ask('UEXEM');
    expect(execution).toMatch(/Likely execution: <@UEXE1> is [\d.]+% under their three-month pace, while the rest of the team holds\./u);
    expect(execution).not.toMatch(/<@UEXE[23]>/u);

    const market = await ask('UMKTM');
    expect(market).toMatch(/Likely the market: 3 of 3 people are under their own three-month pace at once/u);
    expect(market).toContain('Check what changed in the market');

    const ja = await ask('UJMKM');
    expect(ja).toContain('🩺 KPI診断: UJMK・2026年11月');
    expect(ja).toContain('市場調査を行い');

    // A rep diagnoses themselves: their own reading, with the execution checklist in the first person.
    const self = await ask('UEXE1');
    expect(self).toContain('🩺 Diagnosis: You · November 2026');
    expect(self).toMatch(/Likely execution: your pace is [\d.]+% under your own three months before, while the team holds\./u);
    // …but not a teammate's: refused, and nothing of theirs shown.
    const other = await ask('UEXE1', 'diagnose <@UEXE2>');
    expect(other).toContain('is for the manager of *UEXE*');
    expect(other).not.toContain('🩺');

    for (const [text, locale] of [[design, 'en'], [execution, 'en'], [market, 'en'], [self, 'en'], [ja, 'ja']] as const) {
      expect(text).toContain(locale === 'en' ? 'Only you see this diagnosis.' : 'この診断はあなたにだけ表示されています。');
      expect(text).not.toMatch(BLAME[locale]);
      expect(wordingProblems(text, locale)).toEqual([]);
    }
    // Nothing was posted to any channel or DM: every reading went to the caller alone.
    expect(posted()).toBe(before);
    // A word the command does not know is said, and suggested.
    expect(await ask('UEXEM', 'diagnose everyone')).toContain('everyone');
  }, 60_000);
});
