/**
 * Issue 12, "Coaching rules, fully", through the real bot: targets set by signed `/kpi` commands,
 * the scheduler ticked by a fake clock, messages read off the fake Slack. Rule 5: a KPI one person
 * carries reaches only that person. Rule 6: the focus takes turns and its wording varies. The
 * sentences found in review read natively.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { blockTexts, dailyRows, seedCraftedTeam, seedGeneratedTeam, wordingProblems, type GeneratedPerson } from '../harness/coaching-teams.js';
import type { RecordedCall } from '../harness/fake-slack.js';
import { workdaysBetween } from '../../src/domain/calendar.js';
import { day, instantAt, weekNumber, type Day } from '../../src/domain/days.js';
import type { Locale } from '../../src/domain/locale.js';
import { rotate } from '../../src/i18n/index.js';

const CALENDAR = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' } as const;
/** 09:00 in Tokyo on a day: when the morning messages go out. */
const morningOf = (d: Day) => instantAt(d, 9 * 60, 'Asia/Tokyo');

/** A team of six whose KPIs are shared (calls, meetings, the team's revenue) and, once the manager sets them, one person's each. */
const INSIDE: readonly GeneratedPerson[] = [
  { userId: 'UA0MGR', role: 'manager' },
  { userId: 'UA1SDR', role: 'sdr', trend: { start: 0.9, end: 1.1 } },
  { userId: 'UA2SDR', role: 'sdr', meetingConversion: { start: 0.25, end: 0.18 } },
  { userId: 'UA3BDR', role: 'bdr' },
  { userId: 'UA4FLD', role: 'field' },
  { userId: 'UA5CS', role: 'cs' },
];

/** Every text of a Slack message's blocks, and its fallback. */
const shown = (c: RecordedCall) => [...blockTexts((c.body.blocks ?? []) as unknown[]), String(c.body.text)].join('\n');

/** The paragraph under a message's focus title. */
function focusOf(c: RecordedCall): string {
  const section = blockTexts((c.body.blocks ?? []) as unknown[]).find((x) => /^\*🎯/u.test(x));
  return section ? section.split('\n').slice(1).join('\n') : '';
}

/** Sentences of a paragraph in either language. */
const sentencesOf = (paragraph: string) => paragraph.split(/(?<=[.!?。!?])\s*/u).filter((s) => s.trim().length > 0);

/** The wording without the day's figures. */
const masked = (text: string) => text.replace(/<@\w+>/gu, '@').replace(/\d[\d,.]*/gu, '#');

describe('coaching rules in the channel, end to end', () => {
  let t: TestBot;
  afterEach(async () => {
    await t.stop();
  });

  it('rule 5: the manager’s ride-alongs, one field rep’s visits and one BDR’s target accounts reach their owners, never the channel or its focus', async () => {
    t = await startTestBot({ clock: () => new Date('2026-11-19T06:00:00Z'), env: { KPI_LOCALE: 'ja' } });
    // Everyone's Slack is in Japanese, so every DM is too.
    t.slack.defaultUser = { tz: 'Asia/Tokyo', locale: 'ja-JP' };
    const team = await seedGeneratedTeam(t.bot.store, { workspace: 'T0001', name: '東京インサイド', channelId: 'CTOKYO1', locale: 'ja', seed: 11, from: day('2026-09-01'), to: day('2026-11-19'), people: INSIDE });
    // Set by the manager as a team would: each of these KPIs is one person's. Twenty ride-alongs a month is the furthest from its pace.
    for (const command of ['target 同行 20/month <@UA0MGR>', 'target 訪問 10/week <@UA4FLD>', 'target ターゲット企業 1000/month <@UA3BDR>']) {
      const reply = await t.reply(command, { userId: 'UA0MGR', teamId: 'T0001' });
      expect(reply.status, command).toBe(200);
    }
    const targets = await t.bot.store.targets.inForce('T0001', 'person', ['UA0MGR', 'UA4FLD', 'UA3BDR'], day('2026-11-19'));
    expect([...targets.values()].flat().map((x) => x.metric)).toEqual(expect.arrayContaining(['ride_alongs', 'visits', 'target_accounts']));

    // Friday's morning, and Tuesday's with the weekly review (Monday the 23rd is a holiday).
    await t.bot.scheduler.tick(morningOf(day('2026-11-20')));
    await t.bot.scheduler.tick(morningOf(day('2026-11-24')));
    const posts = t.slack.accepted('chat.postMessage');
    const channel = posts.filter((c) => c.body.channel === team.channelId);
    expect(channel).toHaveLength(3);
    expect(channel.filter((c) => String(c.body.text).startsWith('📊'))).toHaveLength(1);
    for (const c of channel) {
      const text = shown(c);
      for (const label of ['同行', '訪問', 'ターゲット企業']) expect(text, `${label} in\n${text}`).not.toContain(label);
      expect(focusOf(c)).not.toBe('');
      expect(wordingProblems(text, 'ja')).toEqual([]);
    }
    // Each goes to its owner: their morning DM lists it with where the month stands.
    const dm = (userId: string) => posts.filter((c) => c.body.channel === `D${userId.slice(1)}`).map(shown).join('\n');
    expect(dm('UA0MGR')).toMatch(/同行 \d+ \/ 20回/u);
    expect(dm('UA4FLD')).toMatch(/訪問 \d+ \/ [\d,]+件/u);
    expect(dm('UA3BDR')).toMatch(/ターゲット企業 [\d,]+ \/ 1,000社/u);
    expect(dm('UA1SDR')).not.toContain('同行');
  }, 60_000);

  it('rule 6: over 20 workdays the focus takes turns among the KPIs under pace and is never worded the same two workdays running, in both languages', async () => {
    t = await startTestBot({ clock: () => new Date('2026-09-30T06:00:00Z') });
    const teams: { channel: string; locale: Locale; people: readonly GeneratedPerson[] }[] = [
      { channel: 'CTOKYO1', locale: 'ja', people: INSIDE },
      {
        channel: 'COSAKA1',
        locale: 'en',
        people: [
          { userId: 'UB0MGR', role: 'manager' },
          { userId: 'UB1FLD', role: 'field', trend: { start: 1.2, end: 0.8 } },
          { userId: 'UB2FLD', role: 'field' },
          { userId: 'UB3SDR', role: 'sdr' },
          { userId: 'UB4BDR', role: 'bdr', trend: { start: 0.7, end: 0.9 } },
        ],
      },
    ];
    for (const [i, x] of teams.entries()) {
      await seedGeneratedTeam(t.bot.store, { workspace: 'T0001', name: x.locale === 'ja' ? '東京インサイド' : 'Osaka Closers', channelId: x.channel, locale: x.locale, seed: 11 + 12 * i, from: day('2026-07-01'), to: day('2026-10-30'), people: x.people });
    }
    const days = workdaysBetween(day('2026-10-01'), day('2026-10-29'), CALENDAR);
    expect(days).toHaveLength(20);
    for (const d of days) await t.bot.scheduler.tick(morningOf(d));
    const kpiOf: Record<Locale, (gap: string) => string> = {
      en: (gap) => (/¥/u.test(gap) ? 'revenue' : /\bmeetings?\b/u.test(gap) ? 'meetings' : /\bcalls?\b/u.test(gap) ? 'calls' : 'none'),
      ja: (gap) => (/売上|円/u.test(gap) ? 'revenue' : /商談/u.test(gap) ? 'meetings' : /架電/u.test(gap) ? 'calls' : 'none'),
    };
    for (const x of teams) {
      const digests = t.slack.accepted('chat.postMessage').filter((c) => c.body.channel === x.channel && String(c.body.text).startsWith('☀️'));
      expect(digests, x.locale).toHaveLength(20);
      const focus = digests.map((c) => sentencesOf(focusOf(c)).map(masked));
      // At least 8 ways of saying the focus in 20 workdays (MIN_FOCUS_SENTENCES), none repeated the next workday.
      expect(new Set(focus.flat()).size, x.locale).toBeGreaterThanOrEqual(8);
      focus.forEach((today, i) => {
        if (i > 0) expect(today.filter((s) => focus[i - 1]!.includes(s)), `${x.locale} ${days[i]}`).toEqual([]);
      });
      // The focus named more than one KPI over the month's days.
      const named = new Set(digests.map((c) => kpiOf[x.locale](sentencesOf(focusOf(c))[0] ?? '')));
      expect([...named].filter((k) => k !== 'none').length, `${x.locale}: ${[...named].join()}`).toBeGreaterThanOrEqual(2);
      for (const c of digests) expect(wordingProblems(shown(c), x.locale)).toEqual([]);
    }
  }, 120_000);

  it('the sentences found in review, natively: the distance to a ride-alongs goal, and a win rate that fell', async () => {
    t = await startTestBot({ clock: () => new Date('2026-11-20T06:00:00Z') });
    t.slack.users.set('UK0MGR', { id: 'UK0MGR', tz: 'Asia/Tokyo', locale: 'ja-JP' });
    t.slack.users.set('UE0MGR', { id: 'UE0MGR', tz: 'Asia/Tokyo', locale: 'en-US' });
    // Two teams whose one KPI is ride-alongs, set on the team's total by its manager: the team's own, so its focus.
    const rideAlongTeams = [
      { manager: 'UK0MGR', channel: 'CRIDEJA', locale: 'ja' as const, command: 'target 同行 2/month team', reps: ['UK1SDR', 'UK2SDR'] },
      { manager: 'UE0MGR', channel: 'CRIDEEN', locale: 'en' as const, command: 'target ride-alongs 2/month team', reps: ['UE1SDR', 'UE2SDR'] },
    ];
    for (const x of rideAlongTeams) {
      await seedCraftedTeam(t.bot.store, {
        workspace: 'T0001',
        name: x.locale === 'ja' ? '同行チーム' : 'Ride-along Team',
        channelId: x.channel,
        locale: x.locale,
        manager: x.manager,
        reps: x.reps.map((userId) => ({ userId, role: 'sdr' })),
        targets: [],
        rows: x.reps.flatMap((u) => dailyRows(u, day('2026-11-02'), day('2026-12-04'), CALENDAR, () => ({ calls: 40 }))),
        at: new Date('2026-11-01T00:00:00Z'),
      });
      expect((await t.reply(x.command, { userId: x.manager })).status).toBe(200);
    }
    // A field team whose win rate fell last week: 1 win of 28 meetings, after 8 of 120 over the four weeks before.
    const turnOfWeek = (name: string) => rotate([() => 'first', () => 'second'], weekNumber(day('2026-11-24')), name, undefined);
    // A team whose review this week takes the first phrasing of the bottleneck, the one review rewrote.
    const fieldName = Array.from({ length: 20 }, (_, i) => `関西フィールド${'一二三四五六七八九十'.charAt(i % 10)}${i >= 10 ? '課' : '班'}`).find((n) => turnOfWeek(n) === 'first')!;
    const baseline = workdaysBetween(day('2026-10-19'), day('2026-11-15'), CALENDAR);
    expect(baseline).toHaveLength(19);
    await seedCraftedTeam(t.bot.store, {
      workspace: 'T0001',
      name: fieldName,
      channelId: 'CKANSAI',
      locale: 'ja',
      manager: 'UF0MGR',
      reps: [
        { userId: 'UF1FLD', role: 'field' },
        { userId: 'UF2FLD', role: 'field' },
      ],
      targets: ['UF1FLD', 'UF2FLD'].map((subject) => ({ scope: 'person' as const, subject, metric: 'meetings', value: 60, period: 'month' as const, effectiveFrom: day('2026-10-01') })),
      rows: [
        ...dailyRows('UF1FLD', day('2026-10-19'), day('2026-11-15'), CALENDAR, (_d, i) => ({ meetings: 3, wins: i % 5 === 0 ? 1 : 0 })),
        ...dailyRows('UF2FLD', day('2026-10-19'), day('2026-11-15'), CALENDAR, (_d, i) => ({ meetings: i < 6 ? 4 : 3, wins: i % 5 === 2 ? 1 : 0 })),
        ...dailyRows('UF1FLD', day('2026-11-16'), day('2026-11-20'), CALENDAR, (_d, i) => ({ meetings: i < 4 ? 3 : 2, wins: i === 0 ? 1 : 0 })),
        ...dailyRows('UF2FLD', day('2026-11-16'), day('2026-11-20'), CALENDAR, (_d, i) => ({ meetings: i < 4 ? 3 : 2 })),
      ],
      at: new Date('2026-10-01T00:00:00Z'),
    });

    await t.bot.scheduler.tick(morningOf(day('2026-11-24')));
    const review = t.slack.accepted('chat.postMessage').find((c) => c.body.channel === 'CKANSAI' && String(c.body.text).startsWith('📊'))!;
    expect(shown(review)).toContain('先週の受注率は3.6%(直前4週間は6.7%)でした。');
    expect(shown(review)).not.toContain('に動きました');

    // The first five workdays of December: ride-alongs is the focus each day, in each of its five phrasings.
    for (const d of workdaysBetween(day('2026-12-01'), day('2026-12-07'), CALENDAR)) await t.bot.scheduler.tick(morningOf(d));
    const ja = t.slack.accepted('chat.postMessage').filter((c) => c.body.channel === 'CRIDEJA' && String(c.body.text).startsWith('☀️')).map(focusOf).join('\n');
    const en = t.slack.accepted('chat.postMessage').filter((c) => c.body.channel === 'CRIDEEN' && String(c.body.text).startsWith('☀️')).map(focusOf).join('\n');
    expect(ja).toContain('今月の同行目標(2回)まであと2回です。');
    expect(ja).not.toContain('射程に入ります');
    expect(en).toContain('Today’s focus is ride-alongs: 1 ride-along as a team keeps the month on pace for 2 ride-alongs.');
    expect(en).not.toContain('is the one to push');
    for (const c of t.slack.accepted('chat.postMessage')) {
      const locale: Locale = /[ぁ-んァ-ン]/u.test(String(c.body.text)) ? 'ja' : 'en';
      expect(wordingProblems(shown(c), locale), shown(c)).toEqual([]);
    }
  }, 60_000);
});
