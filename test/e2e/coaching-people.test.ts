/**
 * Issue 12, "Coaching rules, fully", for what one person and their manager read, through the real
 * bot: the 1on1 prep asked for with a signed `/kpi 1on1`, and the morning DM from a scheduler tick on
 * a fake clock, in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { blockTexts, dailyRows, seedCraftedTeam, wordingProblems } from '../harness/coaching-teams.js';
import type { RecordedCall } from '../harness/fake-slack.js';
import { day, instantAt, type Day } from '../../src/domain/days.js';
import type { Locale } from '../../src/domain/locale.js';
import type { Store } from '../../src/store/index.js';

const CALENDAR = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' } as const;
const morningOf = (d: Day) => instantAt(d, 9 * 60, 'Asia/Tokyo');
const shown = (c: RecordedCall) => blockTexts((c.body.blocks ?? []) as unknown[]).join('\n');
const dmTo = (t: TestBot, userId: string) => t.slack.accepted('chat.postMessage').filter((c) => c.body.channel === `D${userId.slice(1)}`);

/**
 * An inside-sales team of three on 50 calls a day and 50 meetings a month: everyone reaches 15 of
 * 50 calls a day; `star` turns 4 of those 15 into meetings (3 before 6 November), the others 2.
 */
async function insideTeam(store: Store, p: { prefix: string; channel: string; locale: Locale }): Promise<{ manager: string; star: string; others: string[] }> {
  const manager = `${p.prefix}0MGR`;
  const star = `${p.prefix}1SDR`;
  const others = [`${p.prefix}2SDR`, `${p.prefix}3SDR`];
  const from = day('2026-10-01');
  await seedCraftedTeam(store, {
    workspace: 'T0001',
    name: `Inside ${p.prefix}`,
    channelId: p.channel,
    locale: p.locale,
    manager,
    reps: [star, ...others].map((userId) => ({ userId, role: 'sdr' })),
    targets: [star, ...others].flatMap((subject) => [
      { scope: 'person' as const, subject, metric: 'calls', value: 50, period: 'day' as const, effectiveFrom: from },
      { scope: 'person' as const, subject, metric: 'meetings', value: 50, period: 'month' as const, effectiveFrom: from },
    ]),
    rows: [
      ...dailyRows(star, from, day('2026-11-19'), CALENDAR, (d) => ({ calls: 50, connects: 15, meetings: d < day('2026-11-06') ? 3 : 4 })),
      ...others.flatMap((u) => dailyRows(u, from, day('2026-11-19'), CALENDAR, () => ({ calls: 50, connects: 15, meetings: 2 }))),
    ],
    at: new Date('2026-10-01T00:00:00Z'),
  });
  return { manager, star, others };
}

describe('coaching rules for one person and their manager, end to end', () => {
  let t: TestBot;
  afterEach(async () => {
    await t.stop();
  });

  it('the 1on1 prep always shows the rep’s funnel with each rate, praises a rate twice the team median first, and keeps the month apart from the two weeks', async () => {
    t = await startTestBot({ clock: () => new Date('2026-11-20T03:00:00Z') });
    t.slack.users.set('UJ0MGR', { id: 'UJ0MGR', tz: 'Asia/Tokyo', locale: 'ja-JP' });
    const en = await insideTeam(t.bot.store, { prefix: 'UN', channel: 'CNAGOYA', locale: 'en' });
    const ja = await insideTeam(t.bot.store, { prefix: 'UJ', channel: 'CSENDAI', locale: 'ja' });
    for (const x of [en, ja]) {
      for (const rep of [x.star, x.others[0]!]) {
        const reply = await t.reply(`1on1 <@${rep}>`, { userId: x.manager });
        expect(reply.status).toBe(200);
      }
    }
    const [starEn, otherEn] = dmTo(t, en.manager).map(shown) as [string, string];
    const [starJa, otherJa] = dmTo(t, ja.manager).map(shown) as [string, string];

    // The star's strength against the team comes first; the funnel shows both stages, each by its own rate, changes in points.
    expect(starEn).toMatch(/What went well\*\n• Their connect-to-meeting rate, 26\.7%, is twice the team median of 13\.3%: a strength to name first\./u);
    expect(starEn).toContain('*🔻 Their funnel this period*\n500 calls → 150 connects: connect rate 30% (level with the period before · team median 30%)');
    expect(starEn).toContain('150 connects → 40 meetings: connect-to-meeting rate 26.7% (+6.7 points on the period before · team median 13.3%)');
    expect(starJa).toMatch(/よかったこと\*\n• アポ率が26\.7%で、チーム中央値\(13\.3%\)の2倍です。まず認めたい強みです。/u);
    expect(starJa).toContain('架電 500件 → 有効架電 150件: 接続率 30%(前の期間と同水準、チーム中央値 30%)');
    expect(starJa).toContain('有効架電 150件 → 商談 40件: アポ率 26.7%(前の期間から+6.7ポイント、チーム中央値 13.3%)');
    // A rep with no stage that fell and none above the team still gets their funnel.
    expect(otherEn).toContain('150 connects → 20 meetings: connect-to-meeting rate 13.3% (level with the period before · team median 20%)');
    expect(otherEn).not.toContain('strength');
    expect(otherJa).toContain('この期間のファネル');

    // The month so far stands under its own days, with no comparison beside it.
    for (const text of [starEn, otherEn]) {
      const month = text.slice(text.indexOf('📈'), text.indexOf('🔻'));
      expect(month).toMatch(/^📈 KPIs this month \(Sun 1 Nov – Thu 19 Nov\)\*\nCalls [\d,]+ \/ [\d,]+ calls \(\d+(\.\d)?%\)\nMeetings \d+ \/ 50 meetings \(\d+(\.\d)?%\)\n\*$/u);
      expect(text).not.toMatch(/rate[^\n]*(up|under) [\d.]+%/u);
    }
    expect(starJa.slice(starJa.indexOf('📈'), starJa.indexOf('🔻'))).toMatch(/^📈 今月のKPI\(11月1日\(日\)〜11月19日\(木\)\)\*\n架電 [\d,]+ \/ [\d,]+件\(\d+(\.\d)?%\)\n商談 \d+ \/ 50件\(\d+(\.\d)?%\)\n\*$/u);
    for (const [text, locale] of [[starEn, 'en'], [otherEn, 'en'], [starJa, 'ja'], [otherJa, 'ja']] as const) expect(wordingProblems(text, locale)).toEqual([]);
  }, 60_000);

  it('today’s number far above the person’s recent pace is said as the realistic view and one step, not as being on pace', async () => {
    t = await startTestBot({ clock: () => new Date('2026-11-26T06:00:00Z') });
    t.slack.users.set('UP1SDR', { id: 'UP1SDR', tz: 'Asia/Tokyo', locale: 'ja-JP' });
    t.slack.users.set('UP2SDR', { id: 'UP2SDR', tz: 'Asia/Tokyo', locale: 'ja-JP' });
    const from = day('2026-10-01');
    // Two reps on 50 meetings a month: one averages 1.5 a workday (1, 2, 1, 2…), one 3; both on 50 calls a day.
    for (const [prefix, locale] of [['UR', 'en'], ['UP', 'ja']] as const) {
      await seedCraftedTeam(t.bot.store, {
        workspace: 'T0001',
        name: `Pace ${prefix}`,
        channelId: `C${prefix}PACE`,
        locale,
        manager: `${prefix}0MGR`,
        reps: [`${prefix}1SDR`, `${prefix}2SDR`].map((userId) => ({ userId, role: 'sdr' })),
        targets: [`${prefix}1SDR`, `${prefix}2SDR`].flatMap((subject) => [
          { scope: 'person' as const, subject, metric: 'meetings', value: 50, period: 'month' as const, effectiveFrom: from },
          { scope: 'person' as const, subject, metric: 'calls', value: 50, period: 'day' as const, effectiveFrom: from },
        ]),
        rows: [
          ...dailyRows(`${prefix}1SDR`, from, day('2026-11-26'), CALENDAR, (_d, i) => ({ calls: 50, meetings: i % 2 === 0 ? 1 : 2 })),
          ...dailyRows(`${prefix}2SDR`, from, day('2026-11-26'), CALENDAR, () => ({ calls: 50, meetings: 3 })),
        ],
        at: new Date('2026-10-01T00:00:00Z'),
      });
    }
    // Friday the 27th: 26 meetings so far and two workdays left, so 50 would take 12 a day.
    await t.bot.scheduler.tick(morningOf(day('2026-11-27')));
    const [far] = dmTo(t, 'UR1SDR').map(shown);
    expect(far).toMatch(/(Reaching 50 meetings this month would take 12 meetings a workday from here, well above your recent pace of about 1\.5 meetings a workday; at that pace the month lands near 29 meetings\.|This month’s 50 meetings now asks 12 meetings a workday, far above your usual 1\.5 meetings; your recent pace points to about 29 meetings by the end of the month\.)/u);
    expect(far).toMatch(/(A realistic aim for today is 2 meetings, one step above your usual|Aim for 2 meetings today, a little above your recent pace)/u);
    expect(far).not.toMatch(/on pace for 50|keeps 50 meetings|on track/u);
    const [farJa] = dmTo(t, 'UP1SDR').map(shown);
    expect(farJa).toMatch(/(今月の商談 50件には、ここから1日12件が必要です。最近のペース\(1日約1\.5件\)だと、着地は約29件の見込みです。|今月の目標\(商談 50件\)まで、残りの営業日で1日12件が必要です。最近の実績は1日約1\.5件なので、このペースなら約29件で着地します。)/u);
    expect(farJa).toMatch(/(今日は現実的に商談 2件を目指しましょう。|今日はいつもより少し上の商談 2件を目標にしましょう。)/u);
    // Someone whose number is within reach of their pace gets today's number as before.
    for (const [userId, locale] of [['UR2SDR', 'en'], ['UP2SDR', 'ja']] as const) {
      const [steady] = dmTo(t, userId).map(shown);
      expect(steady).not.toMatch(/realistic|現実的|recent pace|最近のペース/u);
      expect(wordingProblems(steady!, locale)).toEqual([]);
    }
    expect(wordingProblems(far!, 'en')).toEqual([]);
    expect(wordingProblems(farJa!, 'ja')).toEqual([]);
  }, 60_000);
});
