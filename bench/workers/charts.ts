/**
 * What charts add to the weekly review's morning (SLOT_AT: the daily digest with every morning DM,
 * and the weekly review), against that morning without charts, in the same process:
 *
 *   charts.ts compare <repeats> <db>   the morning without charts (the daily slots as `kpi-bot digest
 *                                     --dry-run` builds them, each weekly review rendered bare), taking
 *                                     turns with the morning as the scheduler now builds it: each
 *                                     weekly review with its 8-week trend and funnel (`planWeekly`),
 *                                     each chart placed as Slack's native block
 *   charts.ts png <in flight> <db>     that morning's charts drawn as PNGs (where a workspace refuses
 *                                     the native block), then a month chart per person as App Home
 *                                     draws it (always a PNG), so many at a time (resvg draws on
 *                                     libuv's thread pool)
 *   charts.ts baseline <repeats> <db>  the morning without charts only, for its peak RSS
 */
import { createHash } from 'node:crypto';
import { report } from '../lib/child.js';
import { SLOT_AT } from '../lib/seed.js';
import { buildSlot, type DigestRun } from '../../src/cli/digest.js';
import { dayInZone, type Day } from '../../src/domain/days.js';
import type { Message } from '../../src/reports/blocks.js';
import { monthPaceChart } from '../../src/reports/charts/from-home.js';
import type { ChartModel } from '../../src/reports/charts/model.js';
import { renderChartPng } from '../../src/reports/charts/render.js';
import { dataVisualizationBlock, messageWithCharts } from '../../src/reports/charts/slack.js';
import { buildMorningDm } from '../../src/reports/digest/dm.js';
import { loadTeamSnapshot, reportDayFor } from '../../src/reports/digest/snapshot.js';
import { loadWeeklyReview, renderWeeklyReview } from '../../src/reports/digest/weekly.js';
import { calendarFor } from '../../src/reports/status.js';
import { planWeekly } from '../../src/scheduler/plans.js';
import { Store } from '../../src/store/index.js';

const [mode, countArg, path] = process.argv.slice(2);
const count = Number(countArg);
if (!path || !['compare', 'png', 'baseline'].includes(mode!) || !Number.isInteger(count) || count < 1) throw new Error('usage: charts.ts <compare|png|baseline> <repeats|in flight> <db path>');

const store = await Store.open(path);
const teams = await store.teams.all();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const daily: DigestRun = { kind: 'daily', at: SLOT_AT, defaultLocale: 'en', defaultZone: 'Asia/Tokyo' };
const slotDayOf = (t: (typeof teams)[number]): Day => dayInZone(SLOT_AT, t.settings.timezone);

/** The morning without charts: every team's daily slot as the digest bench builds it, then every weekly review rendered bare. */
async function baseline(): Promise<number> {
  const started = performance.now();
  for (const team of teams) await buildSlot(store, team, daily);
  for (const team of teams) if (team.channelId) renderWeeklyReview(await loadWeeklyReview(store, team, slotDayOf(team)), team.settings.locale);
  return performance.now() - started;
}

/** A message as the sender first posts it: each chart as Slack's native block (the image's file ID where it has none). */
const native = (message: Message) =>
  messageWithCharts(message, (c) => {
    const block = dataVisualizationBlock(c);
    return block ? { native: block } : { fileId: 'F-not-uploaded' };
  });

interface Morning {
  readonly ms: number;
  readonly team: ChartModel[];
  readonly natives: number;
  readonly blocks: number;
}

/** The same morning as the scheduler builds it now: the weekly reviews with their charts, each placed as its native block. */
async function withCharts(): Promise<Morning> {
  const started = performance.now();
  const team: ChartModel[] = [];
  let blocks = 0;
  let natives = 0;
  for (const t of teams) await buildSlot(store, t, daily);
  for (const t of teams) {
    if (!t.channelId) continue;
    const review = await planWeekly(store, t, slotDayOf(t)).build({ kind: 'weekly', subject: String(t.id), channel: t.channelId });
    const posted = native(review);
    team.push(...(review.charts ?? []).map((c) => c.chart));
    natives += posted.blocks.filter((b) => b.type === 'data_visualization').length;
    blocks += posted.blocks.length;
  }
  return { ms: performance.now() - started, team, natives, blocks };
}

/** A month chart per person with month targets, as App Home draws it (the morning's month model stands in for the Home's). */
async function peopleCharts(): Promise<{ ms: number; charts: ChartModel[] }> {
  const started = performance.now();
  const charts: ChartModel[] = [];
  for (const t of teams) {
    const slotDay = slotDayOf(t);
    const s = await loadTeamSnapshot(store, t, reportDayFor(slotDay, calendarFor(t)));
    for (const member of await store.teams.members(t.id)) {
      if (!member.isActive) continue;
      const chart = monthPaceChart(buildMorningDm(s, member, slotDay).month, member.locale ?? t.settings.locale);
      if (chart) charts.push(chart);
    }
  }
  return { ms: performance.now() - started, charts };
}

/** Draws every chart, `inFlight` at a time (resvg runs on libuv's thread pool); the time and the PNGs' bytes. */
async function drawAll(charts: readonly ChartModel[], inFlight: number): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  let next = 0;
  let bytes = 0;
  const lane = async () => {
    while (next < charts.length) {
      const png = await renderChartPng(charts[next++]!);
      bytes += png.length;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { ms: performance.now() - started, bytes };
}

const distinct = (charts: readonly ChartModel[]) => new Set(charts.map((c) => createHash('sha256').update(JSON.stringify(c)).digest('hex'))).size;

if (mode === 'baseline') {
  await baseline();
  const runs: number[] = [];
  for (let i = 0; i < count; i += 1) runs.push(await baseline());
  report({ baselineMs: median(runs) });
} else if (mode === 'compare') {
  const cold = { baselineMs: await baseline(), chartsMs: (await withCharts()).ms };
  const base: number[] = [];
  const charted: number[] = [];
  let last: Morning | null = null;
  for (let i = 0; i < count; i += 1) {
    base.push(await baseline());
    last = await withCharts();
    charted.push(last.ms);
  }
  report({ cold, baselineMs: median(base), chartsMs: median(charted), teamCharts: last!.team.length, nativeCharts: last!.natives, blocks: last!.blocks });
} else {
  const morning = await withCharts();
  const people = await peopleCharts();
  // One chart first, untimed: vega's and resvg's first call load their code.
  await drawAll(morning.team.slice(0, 1), 1);
  const teamPng = await drawAll(morning.team, count);
  const peoplePng = await drawAll(people.charts, count);
  report({
    inFlight: count,
    peopleModelsMs: people.ms,
    teamCharts: morning.team.length,
    personCharts: people.charts.length,
    distinctCharts: distinct([...morning.team, ...people.charts]),
    teamPngMs: teamPng.ms,
    personPngMs: peoplePng.ms,
    teamPngBytes: teamPng.bytes,
    personPngBytes: peoplePng.bytes,
  });
}
await store.close();
