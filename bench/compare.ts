/**
 * `npm run bench:compare -- --against <git ref>` — this checkout against another commit, in one run,
 * on the same data: the other commit is checked out beside this one (bench/.work/against-<sha>, its
 * packages linked), seeds the 1,000-person year with its own code, and both builds then take turns:
 * `/kpi log` through the HTTP receiver (p99 and throughput at 16 connections), durable writes, and a
 * morning's digests. This checkout reads a copy of the same seed, migrated by its own code.
 *
 *   npm run bench:compare -- --against 321a520 [--rounds 3] [--quick]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { removeDatabase, ROOT, WORK } from './lib/child.js';
import { ms, num, ratio, table, verdict } from './lib/format.js';
import { runLoad } from './lib/load.js';
import { describeMachine } from './lib/machine.js';
import { TEAM_SIZE, userId, WORKSPACE } from './lib/seed.js';
import { FakeSlack } from '../test/harness/fake-slack.js';
import { cliEnv, exited, freePort, waitForHttp } from '../test/harness/process.js';
import { SIGNING_SECRET } from '../test/harness/signing.js';

const { values } = parseArgs({ options: { against: { type: 'string' }, rounds: { type: 'string' }, quick: { type: 'boolean' } } });
if (!values.against) throw new Error('usage: npm run bench:compare -- --against <git ref> [--rounds N] [--quick]');
const ROUNDS = Number(values.rounds ?? (values.quick ? 1 : 3));
const SECONDS = values.quick ? 3 : 10;
const PEOPLE = 1000;
const say = (line = '') => process.stdout.write(`${line}\n`);

/** A build of the bot: where it runs from. */
interface Build {
  readonly name: string;
  readonly root: string;
}

const sha = execFileSync('git', ['rev-parse', '--short', values.against], { cwd: ROOT, encoding: 'utf8' }).trim();
const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
const other: Build = { name: `${sha} (${values.against})`, root: join(WORK, `against-${sha}`) };
const current: Build = { name: `${head} (this checkout)`, root: ROOT };

/** Checks the other commit out beside this one, with this checkout's packages (the lock file is the same or older). */
function checkout(): void {
  if (!existsSync(other.root)) {
    mkdirSync(WORK, { recursive: true });
    execFileSync('git', ['worktree', 'add', '--detach', other.root, sha], { cwd: ROOT, stdio: 'ignore' });
  }
  if (!existsSync(join(other.root, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(other.root, 'node_modules'), 'dir');
}

/** Runs one of a build's bench workers (`bench/workers/<name>.ts`) to the end and returns its figures. */
function worker<T>(build: Build, name: string, args: readonly string[]): Promise<T & { peakRssBytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(build.root, 'bench/workers', `${name}.ts`), ...args], { cwd: build.root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)) as T & { peakRssBytes: number });
      else reject(new Error(`${build.name}: worker ${name} exited with ${code}`));
    });
  });
}

/** A build's bot, started as `kpi-bot start` runs it, on a copy of the seed. */
async function startBot(build: Build, db: string, slackUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(build.root, 'test/harness/run-cli.ts'), 'start'], {
    cwd: build.root,
    env: cliEnv({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackUrl, KPI_DB_PATH: db, LOG_LEVEL: 'error', KPI_LOCALE: 'en', PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout!.resume();
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 120_000);
  return { child, port };
}

const users = Array.from({ length: PEOPLE }, (_, i) => userId(Math.floor(i / TEAM_SIZE), i % TEAM_SIZE));

/** p99 and throughput of `/kpi log` at 16 connections, after a warm-up of every person once. */
async function logRun(build: Build, seed: string): Promise<{ p99: number; rps: number }> {
  const db = join(WORK, 'compare', `log-${build === current ? 'current' : 'other'}.sqlite`);
  removeDatabase(db);
  copyFileSync(seed, db);
  const slack = await new FakeSlack().start();
  const bot = await startBot(build, db, slack.url);
  try {
    const target = { url: `http://127.0.0.1:${bot.port}/slack/events`, teamId: WORKSPACE, users };
    await runLoad({ ...target, connections: 16, amount: users.length });
    await runLoad({ ...target, connections: 16, seconds: 3 });
    const r = await runLoad({ ...target, connections: 16, seconds: SECONDS });
    return { p99: r.p99, rps: r.rps };
  } finally {
    bot.child.kill('SIGTERM');
    await exited(bot.child);
    await slack.stop();
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const machine = describeMachine(WORK);
say(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.ramGiB} GiB, Node ${machine.node}`);
say(`Comparing ${current.name} against ${other.name}, ${ROUNDS} round(s) each, taking turns.`);
checkout();
mkdirSync(join(WORK, 'compare'), { recursive: true });
const seed = join(WORK, 'compare', 'seed.sqlite');
const seedSpec = { name: 'compare-year-1000', people: PEOPLE, days: 365, logsPerDay: 2 };
if (!existsSync(`${seed}.json`)) {
  say(`Seeding ${PEOPLE} people with a year of history with ${other.name}'s own code…`);
  await worker(other, 'seed', [seed, JSON.stringify(seedSpec)]);
}
// This checkout reads the same data, migrated once by its own code (not counted in any figure).
const migrated = join(WORK, 'compare', 'seed-current.sqlite');
removeDatabase(migrated);
copyFileSync(seed, migrated);
await worker(current, 'digest', ['1', migrated]);

/** A round's morning: the daily slot (digest and DMs), the weekly slot, and the weekly review's text alone where the build says. */
interface Morning {
  readonly daily: number;
  readonly weekly: number;
  readonly weeklyText: number | null;
}
const rounds = () => ({ log: [] as { p99: number; rps: number }[], durable: [] as number[], digest: [] as Morning[] });
const figures = { other: rounds(), current: rounds() };
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const [key, build, data] of [['other', other, seed], ['current', current, migrated]] as const) {
    const digest = await worker<{ databases: { dailyMs: number; weeklyMs: number; weeklyTextMs?: number }[] }>(build, 'digest', [values.quick ? '1' : '3', data]);
    const d = digest.databases[0]!;
    figures[key].digest.push({ daily: d.dailyMs, weekly: d.weeklyMs, weeklyText: d.weeklyTextMs ?? null });
    const durable = await worker<{ store: Record<string, { entries: number; seconds: number }> }>(build, 'durable', [join(WORK, 'compare', `durable-${key}`), values.quick ? '2' : '4']);
    figures[key].durable.push(Math.max(...Object.values(durable.store).map((r) => r.entries / r.seconds)));
    figures[key].log.push(await logRun(build, data));
    const last = figures[key];
    const morning = last.digest.at(-1)!;
    say(`  round ${round}, ${build.name}: digests ${ms(morning.daily + morning.weekly)} ms · durable ${num(last.durable.at(-1)!)}/s · /kpi log p99 ${ms(last.log.at(-1)!.p99)} ms, ${num(last.log.at(-1)!.rps)}/s`);
  }
}

/**
 * The weekly review as a build without charts sent it: its text alone where the build measures it,
 * else (a build without src/reports/charts) its whole weekly slot, which is that text; null otherwise.
 */
const weeklyText = (build: Build, morning: Morning): number | null => morning.weeklyText ?? (existsSync(join(build.root, 'src', 'reports', 'charts')) ? null : morning.weekly);
const builds = { other, current } as const;
const m = (key: 'other' | 'current') => {
  const texts = figures[key].digest.map((d) => weeklyText(builds[key], d));
  return {
    digest: median(figures[key].digest.map((d) => d.daily + d.weekly)),
    daily: median(figures[key].digest.map((d) => d.daily)),
    weekly: median(figures[key].digest.map((d) => d.weekly)),
    text: texts.every((t) => t !== null) ? median(figures[key].digest.map((d, i) => d.daily + texts[i]!)) : null,
    durable: median(figures[key].durable),
    p99: median(figures[key].log.map((l) => l.p99)),
    rps: median(figures[key].log.map((l) => l.rps)),
  };
};
const a = m('other');
const b = m('current');
say('');
say(
  table(
    ['measure', other.name, current.name, 'ratio', 'within 10%'],
    [
      ['1,000 people’s morning (daily + DMs + weekly), ms', ms(a.digest), ms(b.digest), ratio(b.digest / a.digest), verdict(b.digest <= a.digest * 1.1)],
      ['  of which the daily slot (digest + DMs), ms', ms(a.daily), ms(b.daily), ratio(b.daily / a.daily), verdict(b.daily <= a.daily * 1.1)],
      ['  of which the weekly slot (review + its charts), ms', ms(a.weekly), ms(b.weekly), ratio(b.weekly / a.weekly), verdict(b.weekly <= a.weekly * 1.1)],
      ...(a.text !== null && b.text !== null
        ? [['the same morning without the weekly charts (daily + DMs + review text), ms', ms(a.text), ms(b.text), ratio(b.text / a.text), verdict(b.text <= a.text * 1.1)]]
        : []),
      ['/kpi log p99 at 16 connections, ms', ms(a.p99), ms(b.p99), ratio(b.p99 / a.p99), verdict(b.p99 <= a.p99 * 1.1)],
      ['/kpi log throughput at 16 connections, req/s', num(a.rps), num(b.rps), ratio(b.rps / a.rps), verdict(b.rps >= a.rps / 1.1)],
      ['durable writes at best, entries/s', num(a.durable), num(b.durable), ratio(b.durable / a.durable), verdict(b.durable >= a.durable / 1.1)],
    ],
  ),
);
say(`Medians of ${ROUNDS} round(s); each round ran both builds in turn on copies of one seed.`);
