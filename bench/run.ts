/**
 * `npm run bench` — the benchmarks of issue 6, each against a baseline measured in the same run on
 * the same machine, with PASS/MISS per target; the figures go to bench/RESULTS.md.
 *
 *   npm run bench                      everything (the first run also seeds the databases: ~6 min, cached after)
 *   npm run bench -- --quick           shorter runs, for a look
 *   npm run bench -- --only log,digest some of: log, durable, digest, charts
 *
 * `/kpi log` and the 1,000-person digests are also measured on PostgreSQL (an embedded server, the
 * same seed copied in), beside SQLite in the same run.
 */
import { type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { peakRss, removeDatabase, runWorker, spawnWorker, WORK } from './lib/child.js';
import { benchCharts, type ChartFigures } from './lib/charts.js';
import { mib, ms, num } from './lib/format.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { describeMachine } from './lib/machine.js';
import { benchPostgres, type BenchPostgres } from './lib/pg.js';
import { perSecond, report, type DigestFigures, type DurableFigures, type EngineDigests, type LogFigures } from './lib/report.js';
import { cachedSeed, HISTORY_END, TEAM_SIZE, userId, WORKSPACE, type SeedInfo, type SeedSpec } from './lib/seed.js';
import { FakeSlack } from '../test/harness/fake-slack.js';
import { exited, freePort, spawnCli, waitForHttp } from '../test/harness/process.js';
import { SIGNING_SECRET } from '../test/harness/signing.js';
import { addDays, dayInZone } from '../src/domain/days.js';
import { Store } from '../src/store/index.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
const QUICK = values.quick === true;
/** Builds measured per database after the cold one; their median is reported. */
const DIGEST_REPEATS = 5;
const ALL_PARTS = ['log', 'durable', 'digest', 'charts'];
const PARTS = new Set((values.only ?? ALL_PARTS.join(',')).split(',').map((s) => s.trim()));
const LOAD_SECONDS = QUICK ? 3 : 10;
const CONNECTIONS = [1, 16, 64] as const;
const RESULTS = new URL('./RESULTS.md', import.meta.url);
const NOTES_MARK = '<!-- Everything below this line is kept when `npm run bench` rewrites the figures above. -->';

const SEEDS: Record<string, SeedSpec> = {
  'year-100': { name: 'year-100', people: 100, days: 365, logsPerDay: 2 },
  'year-1000': { name: 'year-1000', people: 1000, days: 365, logsPerDay: 2 },
  'year-10000': { name: 'year-10000', people: 10_000, days: 365, logsPerDay: 2 },
  'month-1000': { name: 'month-1000', people: 1000, days: 30, logsPerDay: 2 },
};
const seedPath = (name: string) => join(WORK, `${name}.sqlite`);

const say = (line = '') => process.stdout.write(`${line}\n`);

// ───────────────────────────── seeds

async function ensureSeeds(names: readonly string[]): Promise<Map<string, SeedInfo>> {
  mkdirSync(WORK, { recursive: true });
  const out = new Map<string, SeedInfo>();
  for (const name of names) {
    const spec = SEEDS[name]!;
    say(`Seed ${name}: ${spec.people.toLocaleString('en-US')} people, ${spec.days} days of history…`);
    // A cached seed is only read; a missing or outdated one is built in its own process.
    const cached = cachedSeed(seedPath(name), spec);
    const info = cached ?? (await runWorker<SeedInfo>('seed', [seedPath(name), JSON.stringify(spec)], say));
    say(`  ${cached ? 'cached' : `built in ${info.seconds.toFixed(0)} s`}: ${info.entries.toLocaleString('en-US')} entries, ${mib(info.bytes)}`);
    out.set(name, info);
  }
  return out;
}

// ───────────────────────────── /kpi log through the HTTP receiver

/** A server process once it answers `/healthz` on `port`; its output is drained, its errors shown. */
async function serving(child: ChildProcess, port: number): Promise<ChildProcess> {
  child.stdout!.resume();
  child.stderr?.pipe(process.stderr);
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
  return child;
}

async function benchLog(postgres: BenchPostgres): Promise<LogFigures> {
  const dir = join(WORK, 'run');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'log.sqlite');
  removeDatabase(db);
  copyFileSync(seedPath('year-1000'), db);
  const pgUrl = await postgres.copy('year-1000', 'bench_log');
  const slack = await new FakeSlack().start();
  const barePort = await freePort();
  const botPort = await freePort();
  const pgPort = await freePort();
  const bare = await serving(spawnWorker('bare-bolt', [], { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(barePort) }), barePort);
  // The real bot, as `kpi-bot start` runs it, with only the settings given here (none from a .env).
  const bot = await serving(
    spawnCli(['start'], { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, KPI_DB_PATH: db, LOG_LEVEL: 'error', KPI_LOCALE: 'en', PORT: String(botPort) }),
    botPort,
  );
  const pgBot = await serving(
    spawnCli(['start'], { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, DATABASE_URL: pgUrl, LOG_LEVEL: 'error', KPI_LOCALE: 'en', PORT: String(pgPort) }),
    pgPort,
  );
  const users = Array.from({ length: SEEDS['year-1000']!.people }, (_, i) => userId(Math.floor(i / TEAM_SIZE), i % TEAM_SIZE));
  const target = (port: number) => ({ url: `http://127.0.0.1:${port}/slack/events`, teamId: WORKSPACE, users });
  try {
    // Warm-up: each person once (the bot reads their Slack profile the first time), then both apps for a few seconds.
    let acked = (await runLoad({ ...target(botPort), connections: 16, amount: users.length })).ok;
    let pgAcked = (await runLoad({ ...target(pgPort), connections: 16, amount: users.length })).ok;
    say('  warm-up: every person once, on each engine');
    acked += (await runLoad({ ...target(botPort), connections: 16, seconds: 3 })).ok;
    pgAcked += (await runLoad({ ...target(pgPort), connections: 16, seconds: 3 })).ok;
    await runLoad({ ...target(barePort), connections: 16, seconds: 3 });
    const bareRuns: LoadResult[] = [];
    const botRuns: LoadResult[] = [];
    const pgRuns: LoadResult[] = [];
    for (const connections of CONNECTIONS) {
      const b = await runLoad({ ...target(barePort), connections, seconds: LOAD_SECONDS });
      const k = await runLoad({ ...target(botPort), connections, seconds: LOAD_SECONDS });
      const p = await runLoad({ ...target(pgPort), connections, seconds: LOAD_SECONDS });
      bareRuns.push(b);
      botRuns.push(k);
      pgRuns.push(p);
      acked += k.ok;
      pgAcked += p.ok;
      say(`  ${connections} connection(s): bare p99 ${ms(b.p99)} ms, ${num(b.rps)}/s · SQLite p99 ${ms(k.p99)} ms, ${num(k.rps)}/s · PostgreSQL p99 ${ms(p.p99)} ms, ${num(p.rps)}/s`);
    }
    const bareRss = peakRss(bare.pid!);
    const botRss = peakRss(bot.pid!);
    const pgRss = peakRss(pgBot.pid!);
    for (const child of [bare, bot, pgBot]) child.kill('SIGTERM');
    await Promise.all([exited(bare), exited(bot), exited(pgBot)]);
    // Every log carried exactly one call: the calls stored since the seeded history count the logs stored.
    const storedIn = async (location: string) => {
      const store = await Store.open(location);
      let calls = 0;
      const to = addDays(dayInZone(new Date(), 'Asia/Tokyo'), 1);
      for (const u of users) calls += (await store.totals.rangeTotals(WORKSPACE, u, addDays(HISTORY_END, 1), to)).values.calls ?? 0;
      await store.close();
      return calls;
    };
    return { bare: bareRuns, bot: botRuns, pg: pgRuns, acked, stored: await storedIn(db), pgAcked, pgStored: await storedIn(pgUrl), bareRss, botRss, pgRss };
  } finally {
    for (const child of [bare, bot, pgBot]) child.kill('SIGKILL');
    await slack.stop();
  }
}

// ───────────────────────────── durable writes

// ───────────────────────────── digests

// ───────────────────────────── main

const machine = describeMachine(WORK);
say(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.ramGiB} GiB, Node ${machine.node}, ${machine.disk}`);
const seedNames = [...(PARTS.has('log') || PARTS.has('digest') || PARTS.has('charts') ? ['year-1000'] : []), ...(PARTS.has('digest') ? ['year-100', 'month-1000', 'year-10000'] : [])];
const seeds = await ensureSeeds(seedNames);
let postgres: BenchPostgres | null = null;
if (PARTS.has('log') || PARTS.has('digest')) {
  say('PostgreSQL (embedded server, cluster kept in bench/.work/pg):');
  postgres = await benchPostgres();
  await postgres.seed(seeds.get('year-1000')!, seedPath('year-1000'), say);
}

let log: LogFigures | null = null;
if (PARTS.has('log')) {
  say('\n/kpi log through the HTTP receiver:');
  log = await benchLog(postgres!);
}
let durable: DurableFigures | null = null;
if (PARTS.has('durable')) {
  say('\nDurable writes:');
  durable = await runWorker<DurableFigures>('durable', [join(WORK, 'durable'), String(QUICK ? 3 : 5)]);
  say(`  raw ${num(perSecond(durable.raw))}/s; store ${Object.entries(durable.store).map(([c, r]) => `${c}: ${num(perSecond(r))}/s`).join(', ')}`);
}
const digests = new Map<string, DigestFigures>();
if (PARTS.has('digest')) {
  say('\nDigests:');
  // A year and a month of history at 1,000 people are built in one process, alternating, so the
  // ratio between them is not a shift in the shared machine's load between two runs.
  for (const names of [['year-100'], ['year-1000', 'month-1000'], ['year-10000']]) {
    const run = await runWorker<{ databases: Omit<DigestFigures, 'peakRssBytes'>[] }>('digest', [String(QUICK ? 1 : DIGEST_REPEATS), ...names.map(seedPath)]);
    names.forEach((name, i) => {
      const d = { ...run.databases[i]!, peakRssBytes: run.peakRssBytes };
      digests.set(name, d);
      say(`  ${name}: daily + DMs ${ms(d.dailyMs)} ms, weekly ${ms(d.weeklyMs)} ms`);
    });
  }
}

let engines: EngineDigests | null = null;
if (PARTS.has('digest')) {
  // SQLite's year-1000 and its PostgreSQL copy in one process, taking turns: the ratio between engines is fair.
  const run = await runWorker<{ databases: Omit<DigestFigures, 'peakRssBytes'>[] }>('digest', [String(QUICK ? 1 : DIGEST_REPEATS), seedPath('year-1000'), postgres!.url('seed_year_1000')]);
  engines = { sqlite: { ...run.databases[0]!, peakRssBytes: run.peakRssBytes }, postgres: { ...run.databases[1]!, peakRssBytes: run.peakRssBytes } };
  say(`  year-1000 on SQLite ${ms(engines.sqlite.dailyMs + engines.sqlite.weeklyMs)} ms, on PostgreSQL ${ms(engines.postgres.dailyMs + engines.postgres.weeklyMs)} ms (daily + weekly, taking turns)`);
}
await postgres?.stop();

const shape = { quick: QUICK, loadSeconds: LOAD_SECONDS, digestRepeats: DIGEST_REPEATS, connections: CONNECTIONS, seeds: SEEDS };
let charts: ChartFigures | null = null;
if (PARTS.has('charts')) {
  say('\nCharts for the weekly morning:');
  charts = await benchCharts(seedPath('year-1000'), QUICK ? 1 : DIGEST_REPEATS, say);
}

const text = report(shape, machine, seeds, log, durable, digests, engines, charts);
say(`\n${text}`);
const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const notes = previous.includes(NOTES_MARK) ? previous.slice(previous.indexOf(NOTES_MARK)) : `${NOTES_MARK}\n\n## Notes\n`;
if (ALL_PARTS.every((p) => PARTS.has(p))) {
  writeFileSync(RESULTS, `${text}\n${notes}`);
  say(`Written to bench/RESULTS.md (the notes below the figures kept).`);
} else {
  say('(Only part of the benchmarks ran: bench/RESULTS.md left as it was.)');
}
