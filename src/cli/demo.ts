import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSampleTeam, type SamplePerson } from './sample-data.js';
import { previousWorkday } from '../domain/calendar.js';
import { addDays, dayInZone, type Day } from '../domain/days.js';
import type { Locale } from '../domain/locale.js';
import { calendarOf, defaultTeamSettings, firstWorkdayOfMonth } from '../domain/team-settings.js';
import { plain, type Message } from '../reports/blocks.js';
import { homeCharts } from '../reports/charts/from-home.js';
import type { ChartKind, ChartModel } from '../reports/charts/model.js';
import { renderChartPng } from '../reports/charts/render.js';
import { loadHome } from '../reports/home.js';
import { prepareOneOnOne } from '../reports/oneonone-load.js';
import { planDaily, planKickoff, planMonthReview, planWeekly } from '../scheduler/plans.js';
import { weeklyReviewDay } from '../scheduler/slots.js';
import { Store, type Team } from '../store/index.js';

/** The demo's team of five, one of each role. */
export const DEMO_PEOPLE: readonly (SamplePerson & { name: Record<Locale, string> })[] = [
  { userId: 'UDEMO01', role: 'sdr', name: { en: 'Aki', ja: '秋山' }, trend: { start: 0.85, end: 1.15 } },
  { userId: 'UDEMO02', role: 'bdr', name: { en: 'Ben', ja: '坂本' }, meetingConversion: { start: 0.22, end: 0.12 } },
  { userId: 'UDEMO03', role: 'field', name: { en: 'Chika', ja: '千葉' } },
  { userId: 'UDEMO04', role: 'cs', name: { en: 'Daiki', ja: '大木' } },
  { userId: 'UDEMO05', role: 'manager', name: { en: 'Emi', ja: '江見' } },
];

export const DEMO_WORKSPACE = 'TDEMO01';
const CHANNEL = 'CDEMO01';

/** Mentions as a terminal reader sees them: `<@UDEMO01>` → `@Aki`, the channel as `#demo-sales`. */
function forTerminal(text: string, locale: Locale): string {
  const names = new Map(DEMO_PEOPLE.map((p) => [p.userId, p.name[locale]]));
  return plain(text)
    .replace(/<@(\w+)>/gu, (_, id: string) => `@${names.get(id) ?? id}`)
    .replace(/<#\w+(?:\|[^>]*)?>/gu, '#demo-sales');
}

/** Seeds the demo team with two months of history up to the day before `today`, as `kpi-bot demo` shows it. */
export async function seedDemoTeam(store: Store, locale: Locale, zone: string, today: Day, at: Date): Promise<Team> {
  const { team } = await seedSampleTeam(store, {
    workspace: DEMO_WORKSPACE,
    name: locale === 'ja' ? 'デモ営業チーム' : 'Demo Sales',
    channelId: CHANNEL,
    settings: defaultTeamSettings(zone, locale),
    manager: 'UDEMO05',
    people: DEMO_PEOPLE,
    from: addDays(today, -62),
    to: addDays(today, -1),
    at,
    source: 'demo',
  });
  return team;
}

/** Writes each chart as `NAME-LANG.png` in the folder, and says what it wrote with each chart's numbers. */
async function writeCharts(dir: string, charts: Record<string, ChartModel | undefined>, locale: Locale, write: (text: string) => void): Promise<void> {
  mkdirSync(dir, { recursive: true });
  write(`\n━━━ ${locale === 'ja' ? 'グラフ' : 'Charts'} ━━━\n`);
  for (const [name, chart] of Object.entries(charts)) {
    if (!chart) continue;
    const file = join(dir, `${name}-${locale}.png`);
    writeFileSync(file, await renderChartPng(chart));
    write(`${file}\n  ${chart.title}\n  ${chart.text.line}\n`);
  }
}

/**
 * `kpi-bot demo`: a sample team of five from the role templates with two months of realistic
 * history, in a temporary database, and the messages it would get this morning, as text.
 */
export async function runDemo(options: { locale: Locale; zone: string; now: Date; write: (text: string) => void; chartsDir?: string }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-demo-'));
  const store = await Store.open(join(dir, 'demo.sqlite'));
  try {
    const { locale, zone, write } = options;
    const today = dayInZone(options.now, zone);
    const team = await seedDemoTeam(store, locale, zone, today, options.now);
    const calendar = calendarOf(team.settings);
    const slotDay = previousWorkday(addDays(today, 1), calendar) ?? today;
    const members = await store.teams.members(team.id);
    const rep = members.find((m) => m.userId === DEMO_PEOPLE[0]!.userId)!;
    const weeklyDay = weeklyReviewDay(team.settings, slotDay) ?? slotDay;
    const reviewDay = weeklyDay <= slotDay ? weeklyDay : (weeklyReviewDay(team.settings, addDays(slotDay, -7)) ?? slotDay);
    const ja = locale === 'ja';
    const section = (title: string, message: Message) => write(`\n━━━ ${title} ━━━\n${forTerminal(message.text, locale)}\n`);
    write(
      ja
        ? `KPI Review デモ: ${team.name}(${DEMO_PEOPLE.length}人: SDR・BDR・フィールドセールス・CS・マネージャー)、直近2か月の記録つき。Slackは使いません。\n`
        : `KPI Review demo: ${team.name} (${DEMO_PEOPLE.length} people: SDR, BDR, field sales, CS, manager) with two months of history. No Slack needed.\n`,
    );
    // The messages the scheduler would send this morning, built the way it builds them.
    const daily = planDaily(store, team, slotDay);
    section(ja ? 'デイリーダイジェスト(チームチャンネル)' : 'Daily digest (team channel)', await daily.build({ kind: 'daily', subject: String(team.id), channel: CHANNEL }));
    section(ja ? `朝のDM(${DEMO_PEOPLE[0]!.name.ja}さん、SDR)` : `Morning DM (${DEMO_PEOPLE[0]!.name.en}, SDR)`, await daily.build({ kind: 'dm', subject: rep.userId, member: rep }));
    const weekly = await planWeekly(store, team, reviewDay).build({ kind: 'weekly', subject: String(team.id), channel: CHANNEL });
    section(ja ? '週次レビュー(チームチャンネル)' : 'Weekly review (team channel)', weekly);
    // The month's first workday: the review of the month before, then this month's kickoff.
    const firstWorkday = firstWorkdayOfMonth(team.settings, today) ?? slotDay;
    const month = { subject: String(team.id), channel: CHANNEL, periodKey: firstWorkday.slice(0, 7) };
    section(ja ? '月次レビュー(チームチャンネル、月の最初の営業日)' : 'Month-end review (team channel, the month’s first workday)', await planMonthReview(store, team, firstWorkday).build({ kind: 'monthly', ...month }));
    section(ja ? 'キックオフ(チームチャンネル、月の最初の営業日)' : 'Kickoff (team channel, the month’s first workday)', await planKickoff(store, team, firstWorkday).build({ kind: 'kickoff', ...month }));
    const coached = DEMO_PEOPLE[1]!;
    await store.oneonones.savePlan(DEMO_WORKSPACE, coached.userId, ja ? '毎日新規リード10件にアプローチ、金曜にロールプレイ' : '10 new leads a day; role-play every Friday', 'UDEMO05', options.now, addDays(today, -14), null);
    const prep = await prepareOneOnOne(store, team, { workspace: DEMO_WORKSPACE, rep: coached.userId, meetingDay: slotDay, meetingMinutes: 15 * 60 }, locale);
    section(ja ? `1on1準備メモ(${coached.name.ja}さん・BDRとの1on1の前にマネージャーへDM)` : `1on1 prep (DM to the manager before the 1on1 with ${coached.name.en}, BDR)`, prep);
    if (options.chartsDir) {
      // The charts the messages above carry, and App Home's for a rep and for the manager.
      const home = async (userId: string) => homeCharts(await loadHome(store, { workspace: DEMO_WORKSPACE, userId, locale, zone, at: options.now }));
      const of = (message: Message, kind: ChartKind) => message.charts?.find((c) => c.chart.kind === kind)?.chart;
      await writeCharts(
        options.chartsDir,
        {
          'weekly-trend': of(weekly, 'trend'),
          'weekly-funnel': of(weekly, 'funnel'),
          'oneonone-period': of(prep, 'period'),
          'oneonone-stages': of(prep, 'stages'),
          'home-month': (await home(rep.userId)).find((c) => c.audience === 'person'),
          'home-team-month': (await home('UDEMO05')).find((c) => c.audience === 'team'),
        },
        locale,
        write,
      );
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
