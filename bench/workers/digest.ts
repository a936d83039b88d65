/**
 * Builds every team's daily digest with all its morning DMs, then every weekly review, for the
 * morning of SLOT_AT, the way `kpi-bot digest --dry-run` does (nothing sent): once to warm up, then
 * `repeats` times. `digest.ts <repeats> <db path>…`: with several databases the repeated builds
 * alternate between them, so a change in the machine's load during the run falls on all of them
 * alike (a shared VM drifts by tens of percent over a minute) and their ratio stays fair.
 */
import { report } from '../lib/child.js';
import { SLOT_AT } from '../lib/seed.js';
import { buildSlot, type DigestRun } from '../../src/cli/digest.js';
import { dayInZone } from '../../src/domain/days.js';
import { loadWeeklyReview, renderWeeklyReview } from '../../src/reports/digest/weekly.js';
import { Store } from '../../src/store/index.js';
import type { Team } from '../../src/store/teams.js';

const [repeatsArg, ...paths] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 3);
if (paths.length === 0 || !Number.isInteger(repeats) || repeats < 1) throw new Error('usage: digest.ts <repeats> <db path>…');

interface Subject {
  readonly store: Store;
  readonly teams: readonly Team[];
}

interface Build {
  readonly ms: number;
  readonly messages: number;
}

const subjects: Subject[] = [];
for (const path of paths) {
  const store = await Store.open(path);
  subjects.push({ store, teams: await store.teams.all() });
}

async function buildAll({ store, teams }: Subject, kind: 'daily' | 'weekly'): Promise<Build> {
  const run: DigestRun = { kind, at: SLOT_AT, defaultLocale: 'en', defaultZone: 'Asia/Tokyo' };
  const started = performance.now();
  let messages = 0;
  for (const team of teams) messages += (await buildSlot(store, team, run)).length;
  return { ms: performance.now() - started, messages };
}

/**
 * Every weekly review's text without its trend and funnel charts: the message the code before the
 * charts built, so a comparison with it can tell the charts' cost from the rest.
 */
async function buildWeeklyTexts({ store, teams }: Subject): Promise<Build> {
  const started = performance.now();
  let messages = 0;
  for (const team of teams) {
    if (!team.channelId) continue;
    renderWeeklyReview(await loadWeeklyReview(store, team, dayInZone(SLOT_AT, team.settings.timezone)), team.settings.locale);
    messages += 1;
  }
  return { ms: performance.now() - started, messages };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const firsts: { daily: Build; weekly: Build }[] = [];
for (const subject of subjects) firsts.push({ daily: await buildAll(subject, 'daily'), weekly: await buildAll(subject, 'weekly') });
for (const subject of subjects) await buildWeeklyTexts(subject);
const daily: number[][] = subjects.map(() => []);
const weekly: number[][] = subjects.map(() => []);
const weeklyText: number[][] = subjects.map(() => []);
for (let i = 0; i < repeats; i += 1) {
  for (const [k, subject] of subjects.entries()) {
    daily[k]!.push((await buildAll(subject, 'daily')).ms);
    weekly[k]!.push((await buildAll(subject, 'weekly')).ms);
    weeklyText[k]!.push((await buildWeeklyTexts(subject)).ms);
  }
}
for (const { store } of subjects) await store.close();
report({
  databases: subjects.map((subject, k) => ({
    teams: subject.teams.length,
    dailyMessages: firsts[k]!.daily.messages,
    weeklyMessages: firsts[k]!.weekly.messages,
    firstDailyMs: firsts[k]!.daily.ms,
    firstWeeklyMs: firsts[k]!.weekly.ms,
    dailyMs: median(daily[k]!),
    weeklyMs: median(weekly[k]!),
    weeklyTextMs: median(weeklyText[k]!),
  })),
});
