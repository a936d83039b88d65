/**
 * `npm run bench` — the benchmarks of issue 6, each against a baseline measured in the same run on
 * the same machine, with PASS/MISS per target; the figures go to bench/RESULTS.md.
 *
 *   npm run bench                      everything (the first run also seeds the databases: ~6 min, cached after)
 *   npm run bench -- --quick           shorter runs, for a look
 *   npm run bench -- --only log,digest some of: log, durable, digest, charts
 */
import { type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { peakRss, removeDatabase, runWorker, spawnWorker, WORK } from './lib/child.js';
import { benchCharts, chartsReport, type ChartFigures } from './lib/charts.js';
import { mib, ms, num, pct, ratio, table, verdict } from './lib/format.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { describeMachine, type Machine } from './lib/machine.js';
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

interface LogFigures {
  readonly bare: readonly LoadResult[];
  readonly bot: readonly LoadResult[];
  readonly acked: number;
  readonly stored: number;
  readonly bareRss: number | null;
  readonly botRss: number | null;
}

/** A server process once it answers `/healthz` on `port`; its output is drained, its errors shown. */
async function serving(child: ChildProcess, port: number): Promise<ChildProcess> {
  child.stdout!.resume();
  child.stderr?.pipe(process.stderr);
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
  return child;
}

async function benchLog(): Promise<LogFigures> {
  const dir = join(WORK, 'run');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'log.sqlite');
  removeDatabase(db);
  copyFileSync(seedPath('year-1000'), db);
  const slack = await new FakeSlack().start();
  const barePort = await freePort();
  const botPort = await freePort();
  const bare = await serving(spawnWorker('bare-bolt', [], { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(barePort) }), barePort);
  // The real bot, as `kpi-bot start` runs it, with only the settings given here (none from a .env).
  const bot = await serving(
    spawnCli(['start'], { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, KPI_DB_PATH: db, LOG_LEVEL: 'error', KPI_LOCALE: 'en', PORT: String(botPort) }),
    botPort,
  );
  const users = Array.from({ length: SEEDS['year-1000']!.people }, (_, i) => userId(Math.floor(i / TEAM_SIZE), i % TEAM_SIZE));
  const target = (port: number) => ({ url: `http://127.0.0.1:${port}/slack/events`, teamId: WORKSPACE, users });
  try {
    // Warm-up: each person once (the bot reads their Slack profile the first time), then both apps for a few seconds.
    let acked = (await runLoad({ ...target(botPort), connections: 16, amount: users.length })).ok;
    say('  warm-up: every person once');
    acked += (await runLoad({ ...target(botPort), connections: 16, seconds: 3 })).ok;
    await runLoad({ ...target(barePort), connections: 16, seconds: 3 });
    const bareRuns: LoadResult[] = [];
    const botRuns: LoadResult[] = [];
    for (const connections of CONNECTIONS) {
      const b = await runLoad({ ...target(barePort), connections, seconds: LOAD_SECONDS });
      const k = await runLoad({ ...target(botPort), connections, seconds: LOAD_SECONDS });
      bareRuns.push(b);
      botRuns.push(k);
      acked += k.ok;
      say(`  ${connections} connection(s): bare p99 ${ms(b.p99)} ms, ${num(b.rps)}/s · bot p99 ${ms(k.p99)} ms, ${num(k.rps)}/s`);
    }
    const bareRss = peakRss(bare.pid!);
    const botRss = peakRss(bot.pid!);
    bare.kill('SIGTERM');
    bot.kill('SIGTERM');
    await Promise.all([exited(bare), exited(bot)]);
    // Every log carried exactly one call: the calls stored since the seeded history count the logs stored.
    const store = await Store.open(db);
    let stored = 0;
    const to = addDays(dayInZone(new Date(), 'Asia/Tokyo'), 1);
    for (const u of users) stored += (await store.totals.rangeTotals(WORKSPACE, u, addDays(HISTORY_END, 1), to)).values.calls ?? 0;
    await store.close();
    return { bare: bareRuns, bot: botRuns, acked, stored, bareRss, botRss };
  } finally {
    bare.kill('SIGKILL');
    bot.kill('SIGKILL');
    await slack.stop();
  }
}

// ───────────────────────────── durable writes

interface Rate {
  readonly entries: number;
  readonly seconds: number;
}
interface DurableFigures {
  readonly raw: Rate;
  readonly store: Record<string, Rate>;
  readonly peakRssBytes: number;
}

const perSecond = (r: Rate) => r.entries / r.seconds;

// ───────────────────────────── digests

interface DigestFigures {
  readonly teams: number;
  readonly dailyMessages: number;
  readonly weeklyMessages: number;
  readonly firstDailyMs: number;
  readonly firstWeeklyMs: number;
  readonly dailyMs: number;
  readonly weeklyMs: number;
  readonly peakRssBytes: number;
}

// ───────────────────────────── report

function report(machine: Machine, seeds: Map<string, SeedInfo>, log: LogFigures | null, durable: DurableFigures | null, digests: Map<string, DigestFigures>, charts: ChartFigures | null): string {
  const out: string[] = [];
  const verdicts: string[] = [];
  out.push('# Benchmark results', '');
  out.push(`Run of \`npm run bench${QUICK ? ' -- --quick' : ''}\` on ${machine.date}.`, '');
  out.push(
    table(
      ['machine', ''],
      [
        ['CPUs', `${machine.cpus} × ${machine.cpuModel}`],
        ['RAM', `${machine.ramGiB} GiB`],
        ['Node.js', machine.node],
        ['OS', machine.os],
        ['disk of bench/.work', machine.disk],
      ],
    ),
    '',
  );
  if (seeds.size > 0) {
    out.push('Seeded databases (through the store’s own API: teams of ten with role-template targets, realistic history, two logs a workday; cached in bench/.work/):', '');
    out.push(
      table(
        ['database', 'people', 'history', 'entries', 'file', 'seeded in'],
        [...seeds.values()].map((s) => [s.name, num(s.people), `${s.days} days`, num(s.entries), mib(s.bytes), `${s.seconds.toFixed(0)} s`]),
      ),
      '',
    );
  }

  if (log) {
    out.push(`## \`/kpi log\` through the Bolt HTTP receiver (1,000 people, ${num(seeds.get('year-1000')?.entries ?? Number.NaN)} entries)`, '');
    out.push(
      `Signed requests from autocannon, ${LOAD_SECONDS} s per run, each \`/kpi log\` from one of the 1,000 people; the baseline is a bare Bolt app on the same receiver whose \`/kpi\` only acknowledges. Both run in their own process; the load generator in a third.`,
      '',
    );
    out.push(
      table(
        ['connections', 'bare p50 ms', 'bare p99 ms', 'bare req/s', 'bot p50 ms', 'bot p99 ms', 'bot req/s', 'p99 ratio', 'req/s ratio', 'bad answers'],
        CONNECTIONS.map((c, i) => {
          const b = log.bare[i]!;
          const k = log.bot[i]!;
          return [String(c), ms(b.p50), ms(b.p99), num(b.rps), ms(k.p50), ms(k.p99), num(k.rps), ratio(k.p99 / b.p99), ratio(k.rps / b.rps), String(b.bad + k.bad)];
        }),
      ),
      '',
    );
    const at16 = CONNECTIONS.indexOf(16);
    const ratio16 = log.bot[at16]!.p99 / log.bare[at16]!.p99;
    const bad = [...log.bare, ...log.bot].reduce((n, r) => n + r.bad, 0);
    const intact = log.stored >= log.acked;
    out.push(`Peak RSS: bot ${mib(log.botRss)}, bare Bolt ${mib(log.bareRss)}. Logs acknowledged ${num(log.acked)}, stored ${num(log.stored)} (a few more can be stored than counted: requests still in flight when a run ends).`, '');
    verdicts.push(
      `- ${verdict(ratio16 <= 1.5)} p99 at 16 connections within 1.5× the bare app’s: ${ratio(ratio16)} (${ms(log.bot[at16]!.p99)} ms against ${ms(log.bare[at16]!.p99)} ms)`,
      `- ${verdict(log.bot[at16]!.p99 < 100)} p99 at 16 connections under 100 ms: ${ms(log.bot[at16]!.p99)} ms`,
      `- ${verdict(bad === 0 && intact)} no error responses: ${bad} bad answers; every acknowledged log stored: ${intact ? 'yes' : `no (${num(log.acked - log.stored)} missing)`}`,
    );
  }

  if (durable) {
    const raw = perSecond(durable.raw);
    out.push('## Durable write throughput', '');
    out.push(
      'Entries committed per second on the same disk, WAL with synchronous=FULL. Baseline: raw node-sqlite3 inserts, one transaction per entry. Store: `activity.log` of one number per command (its log command, entry, daily total and personal best, and the day’s totals its receipt shows), with 1, 16 or 64 commands in flight; concurrent ones share transactions.',
      '',
    );
    const rows = [['raw sqlite3, one transaction per entry', num(raw), '1.00×']];
    for (const [c, r] of Object.entries(durable.store)) rows.push([`store, ${c} command${c === '1' ? '' : 's'} in flight`, num(perSecond(r)), ratio(perSecond(r) / raw)]);
    out.push(table(['writer', 'entries/s', 'against raw'], rows), '');
    out.push(`Peak RSS of the worker: ${mib(durable.peakRssBytes)}.`, '');
    const best = Math.max(...Object.values(durable.store).map(perSecond));
    verdicts.push(`- ${verdict(best >= 0.8 * raw)} store at least 80% of raw: ${pct(best / raw)} at best (${num(best)} against ${num(raw)} entries/s)`);
  }

  if (digests.size > 0) {
    out.push('## Digest build time', '');
    out.push(
      `Every team’s daily digest with all of its members’ morning DMs, then every weekly review, built as \`kpi-bot digest --dry-run\` builds them (nothing sent), for Tuesday 24 November 2026 09:05 Tokyo. Median of ${QUICK ? 1 : DIGEST_REPEATS} builds after a first (cold) one; year-1000 and month-1000 are built in one process, taking turns, so they share a peak RSS.`,
      '',
    );
    const rows: string[][] = [];
    const perPerson = (name: string) => {
      const d = digests.get(name);
      return d ? (d.dailyMs + d.weeklyMs) / SEEDS[name]!.people : Number.NaN;
    };
    for (const [name, d] of digests) {
      const seed = SEEDS[name]!;
      const total = d.dailyMs + d.weeklyMs;
      // Baselines from the same run: per person against 100 people with a year; a year against a month.
      const against = seed.days === 365 ? `${ratio(perPerson(name) / perPerson('year-100'))} per person vs 100 people` : `a year of history takes ${ratio(perPerson('year-1000') / perPerson(name))} this`;
      rows.push([
        name,
        num(seed.people),
        `${seed.days} days`,
        `${d.dailyMessages} + ${d.weeklyMessages}`,
        ms(d.dailyMs),
        ms(d.weeklyMs),
        ms(total),
        ms(perPerson(name) * 1000),
        against,
        ms(d.firstDailyMs + d.firstWeeklyMs),
        mib(d.peakRssBytes),
      ]);
    }
    out.push(table(['database', 'people', 'history', 'messages', 'daily + DMs ms', 'weekly ms', 'total ms', 'µs per person', 'against baseline', 'first (cold) ms', 'peak RSS'], rows), '');
    const year = digests.get('year-1000');
    const month = digests.get('month-1000');
    if (year) {
      verdicts.push(
        `- ${verdict(year.dailyMs < 1000 && year.weeklyMs < 1000)} 1,000 people under 1 s, each build: daily digest with all DMs ${ms(year.dailyMs)} ms, weekly review ${ms(year.weeklyMs)} ms`,
        `- ${verdict(year.dailyMs + year.weeklyMs < 1000)} 1,000 people under 1 s, both builds together (the weekly review’s morning): ${ms(year.dailyMs + year.weeklyMs)} ms`,
      );
    }
    if (year && month) {
      const growth = (year.dailyMs + year.weeklyMs) / (month.dailyMs + month.weeklyMs);
      verdicts.push(`- ${verdict(growth <= 1.25)} time does not grow with the length of history: 1 year takes ${ratio(growth)} the time of 1 month at 1,000 people`);
    }
    const small = digests.get('year-100');
    const big = digests.get('year-10000');
    if (small && big && year) {
      const per = (d: DigestFigures, people: number) => (d.dailyMs + d.weeklyMs) / people;
      verdicts.push(
        `- time grows with people: per person ${ms(per(small, 100) * 1000)} µs at 100, ${ms(per(year, 1000) * 1000)} µs at 1,000, ${ms(per(big, 10_000) * 1000)} µs at 10,000 people`,
      );
    }
  }

  if (charts) chartsReport(charts, QUICK ? 1 : DIGEST_REPEATS, out, verdicts);

  out.push('## Targets', '', ...verdicts, '');
  return out.join('\n');
}

// ───────────────────────────── main

const machine = describeMachine(WORK);
say(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.ramGiB} GiB, Node ${machine.node}, ${machine.disk}`);
const seedNames = [...(PARTS.has('log') || PARTS.has('digest') || PARTS.has('charts') ? ['year-1000'] : []), ...(PARTS.has('digest') ? ['year-100', 'month-1000', 'year-10000'] : [])];
const seeds = await ensureSeeds(seedNames);

let log: LogFigures | null = null;
if (PARTS.has('log')) {
  say('\n/kpi log through the HTTP receiver:');
  log = await benchLog();
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

let charts: ChartFigures | null = null;
if (PARTS.has('charts')) {
  say('\nCharts for the weekly morning:');
  charts = await benchCharts(seedPath('year-1000'), QUICK ? 1 : DIGEST_REPEATS, say);
}

const text = report(machine, seeds, log, durable, digests, charts);
say(`\n${text}`);
const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const notes = previous.includes(NOTES_MARK) ? previous.slice(previous.indexOf(NOTES_MARK)) : `${NOTES_MARK}\n\n## Notes\n`;
if (ALL_PARTS.every((p) => PARTS.has(p))) {
  writeFileSync(RESULTS, `${text}\n${notes}`);
  say(`Written to bench/RESULTS.md (the notes below the figures kept).`);
} else {
  say('(Only part of the benchmarks ran: bench/RESULTS.md left as it was.)');
}
