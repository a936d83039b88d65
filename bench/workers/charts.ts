/**
 * What charts add to the weekly review's morning (SLOT_AT: the daily digest with every morning DM,
 * and the weekly review), against that morning without charts, in the same process:
 *
 *   charts.ts compare <repeats> <db>   the morning as `kpi-bot digest --dry-run` builds it (baseline),
 *                                     taking turns with the same morning plus every chart's model and
 *                                     native block: each DM the person's month against pace, each
 *                                     weekly review the team's trend and funnel
 *   charts.ts png <in flight> <db>     that morning with charts, then every chart drawn as a PNG: the
 *                                     team charts first, then the people's, so many at a time (resvg
 *                                     draws on libuv's thread pool)
 *   charts.ts baseline <repeats> <db>  the morning without charts only, for its peak RSS
 */
import { createHash } from 'node:crypto';
import { report } from '../lib/child.js';
import { SLOT_AT } from '../lib/seed.js';
import { buildSlot, type DigestRun } from '../../src/cli/digest.js';
import { dayInZone, type Day } from '../../src/domain/days.js';
import type { Message } from '../../src/reports/blocks.js';
import { monthPaceChart } from '../../src/reports/charts/from-home.js';
import { loadWeeklyTrend, weeklyCharts } from '../../src/reports/charts/from-weekly.js';
import type { ChartModel } from '../../src/reports/charts/model.js';
import { renderChartPng } from '../../src/reports/charts/render.js';
import { dataVisualizationBlock, messageWithCharts } from '../../src/reports/charts/slack.js';
import { buildDailyDigest, renderDailyDigest } from '../../src/reports/digest/daily.js';
import { buildMorningDm, renderMorningDm } from '../../src/reports/digest/dm.js';
import { loadTeamSnapshot, reportDayFor } from '../../src/reports/digest/snapshot.js';
import { loadWeeklyReview, renderWeeklyReview } from '../../src/reports/digest/weekly.js';
import { calendarFor } from '../../src/reports/status.js';
import { Store } from '../../src/store/index.js';
import type { Team } from '../../src/store/teams.js';

const [mode, countArg, path] = process.argv.slice(2);
const count = Number(countArg);
if (!path || !['compare', 'png', 'baseline'].includes(mode!) || !Number.isInteger(count) || count < 1) throw new Error('usage: charts.ts <compare|png|baseline> <repeats|in flight> <db path>');

const store = await Store.open(path);
const teams = await store.teams.all();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The morning as the digest bench builds it: every team's daily slot, then every weekly review. */
async function baseline(): Promise<number> {
  const started = performance.now();
  for (const kind of ['daily', 'weekly'] as const) {
    const run: DigestRun = { kind, at: SLOT_AT, defaultLocale: 'en', defaultZone: 'Asia/Tokyo' };
    for (const team of teams) await buildSlot(store, team, run);
  }
  return performance.now() - started;
}

/** A chart in a message as Slack's native block (the image's file ID where it has none). */
const native = (message: Message, charts: readonly ChartModel[]) =>
  messageWithCharts({ ...message, charts: charts.map((chart) => ({ at: message.blocks.length, chart })) }, (c) => {
    const block = dataVisualizationBlock(c);
    return block ? { native: block } : { fileId: 'F-not-uploaded' };
  });

interface Morning {
  readonly ms: number;
  readonly team: ChartModel[];
  readonly people: ChartModel[];
  readonly blocks: number;
}

/** The same morning, built the way the scheduler's plans build it, with every chart's model and native block. */
async function withCharts(): Promise<Morning> {
  const started = performance.now();
  const team: ChartModel[] = [];
  const people: ChartModel[] = [];
  let blocks = 0;
  for (const t of teams) {
    const slotDay: Day = dayInZone(SLOT_AT, t.settings.timezone);
    const locale = t.settings.locale;
    const s = await loadTeamSnapshot(store, t, reportDayFor(slotDay, calendarFor(t)));
    if (t.channelId) blocks += renderDailyDigest(buildDailyDigest(s, slotDay), locale).blocks.length;
    if (t.settings.morningDm) {
      for (const member of await store.teams.members(t.id)) {
        if (!member.isActive || !member.morningDm) continue;
        const dm = buildMorningDm(s, member, slotDay);
        const chart = monthPaceChart(dm.month, member.locale ?? locale);
        if (chart) people.push(chart);
        blocks += native(renderMorningDm(dm, member.locale ?? locale), chart ? [chart] : []).blocks.length;
      }
    }
  }
  for (const t of teams as readonly Team[]) {
    if (!t.channelId) continue;
    const review = await loadWeeklyReview(store, t, dayInZone(SLOT_AT, t.settings.timezone));
    const charts = weeklyCharts(review, await loadWeeklyTrend(store, t, review), t.settings.locale);
    team.push(...charts);
    blocks += native(renderWeeklyReview(review, t.settings.locale), charts).blocks.length;
  }
  return { ms: performance.now() - started, team, people, blocks };
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
  report({ cold, baselineMs: median(base), chartsMs: median(charted), teamCharts: last!.team.length, personCharts: last!.people.length, blocks: last!.blocks });
} else {
  const morning = await withCharts();
  // One chart first, untimed: vega's and resvg's first call load their code.
  await drawAll(morning.team.slice(0, 1), 1);
  const teamPng = await drawAll(morning.team, count);
  const peoplePng = await drawAll(morning.people, count);
  report({
    inFlight: count,
    modelsMs: morning.ms,
    teamCharts: morning.team.length,
    personCharts: morning.people.length,
    distinctCharts: distinct([...morning.team, ...morning.people]),
    teamPngMs: teamPng.ms,
    personPngMs: peoplePng.ms,
    pngBytes: teamPng.bytes + peoplePng.bytes,
  });
}
await store.close();
