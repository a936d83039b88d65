/**
 * Builds every team's daily digest with all its morning DMs, then every weekly review, for the
 * morning of SLOT_AT, the way `kpi-bot digest --dry-run` does (nothing sent): once to warm up, then
 * `repeats` times. `digest.ts <db path> <repeats>`.
 */
import { report } from '../lib/child.js';
import { SLOT_AT } from '../lib/seed.js';
import { buildSlot, type DigestRun } from '../../src/cli/digest.js';
import { Store } from '../../src/store/index.js';

const [path, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 3);
const store = await Store.open(path!);
const teams = await store.teams.all();

async function buildAll(kind: 'daily' | 'weekly'): Promise<{ ms: number; messages: number }> {
  const run: DigestRun = { kind, at: SLOT_AT, dryRun: true, format: 'text', force: true, defaultLocale: 'en', defaultZone: 'Asia/Tokyo' };
  const started = performance.now();
  let messages = 0;
  for (const team of teams) messages += (await buildSlot(store, team, run)).length;
  return { ms: performance.now() - started, messages };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const first = { daily: await buildAll('daily'), weekly: await buildAll('weekly') };
const daily: number[] = [];
const weekly: number[] = [];
for (let i = 0; i < repeats; i += 1) {
  daily.push((await buildAll('daily')).ms);
  weekly.push((await buildAll('weekly')).ms);
}
await store.close();
report({
  teams: teams.length,
  dailyMessages: first.daily.messages,
  weeklyMessages: first.weekly.messages,
  firstDailyMs: first.daily.ms,
  firstWeeklyMs: first.weekly.ms,
  dailyMs: median(daily),
  weeklyMs: median(weekly),
});
