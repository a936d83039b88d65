/**
 * `kpi-bot migrate-to-postgres`: a SQLite database with history of every kind (release 0.1's demo
 * file, then logs, an undo, an edit, an import, claims, days off, a 1on1 with its plan and check-in, a
 * client engagement with its members, logs, decisions and an agreed definition, a plan proposal applied, a
 * tree) moved into PostgreSQL: every row of every table arrives as it was, the export is the same
 * file, and the bot goes on from there; a database that holds data is refused unless --replace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshPgUrl } from '../harness/backends.js';
import { tempDir } from '../harness/bot.js';
import { runCli, type CliIo } from '../../src/cli/index.js';
import { day, type Day } from '../../src/domain/days.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import { loadPlan } from '../../src/commands/plan.js';
import { buildDailyDigest } from '../../src/reports/digest/daily.js';
import { buildMorningDm } from '../../src/reports/digest/dm.js';
import { loadTeamSnapshot, reportDayFor } from '../../src/reports/digest/snapshot.js';
import { loadWeeklyReview } from '../../src/reports/digest/weekly.js';
import { loadClientReport } from '../../src/reports/client-report.js';
import { loadDiagnosis } from '../../src/reports/diagnosis.js';
import { loadKickoff } from '../../src/reports/kickoff.js';
import { loadMonthReview } from '../../src/reports/month-review.js';
import { loadHome } from '../../src/reports/home.js';
import { loadOneOnOne } from '../../src/reports/oneonone-load.js';
import { calendarFor, loadStatus } from '../../src/reports/status.js';
import { loadTeamTree } from '../../src/reports/tree.js';
import { TABLES_IN_ORDER } from '../../src/store/copy-to-postgres.js';
import { Store, type ExportedRow } from '../../src/store/index.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/release-0.1/demo.sqlite.gz');
const WORKSPACE = 'TDEMO01';

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Every row of every table, in primary-key order, as the store reads it. */
async function everything(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const keys: Record<string, string> = {
    workspaces: 'team_id',
    people: 'team_id, user_id',
    daily_totals: 'team_id, user_id, day, metric',
    personal_bests: 'team_id, user_id, metric',
    oneonones: 'team_id, rep',
    checkins: 'team_id, rep, meeting_day',
    metrics: 'team_id, key',
    days_off: 'team_id, user_id, day',
    engagement_members: 'engagement, user_id',
  };
  for (const table of TABLES_IN_ORDER) out[table] = await store.write((tx) => tx.all(`SELECT * FROM ${table} ORDER BY ${keys[table] ?? 'id'}`));
  return out;
}

async function exported(store: Store): Promise<ExportedRow[]> {
  const rows: ExportedRow[] = [];
  await store.history.export({ teamId: WORKSPACE }, (r) => rows.push(r));
  return rows;
}

/** Adds history of the kinds release 0.1's file does not have. */
async function addEveryKind(store: Store): Promise<void> {
  const team = (await store.teams.inWorkspace(WORKSPACE))[0]!;
  const [rep, other] = (await store.teams.members(team.id)).filter((m) => m.role === 'rep').map((m) => m.userId) as [string, string];
  const at = new Date('2026-12-03T03:00:00Z');
  const log = (key: string, pairs: { metric: string; value: number; handoff?: { userId: string; direction: 'to' | 'from' } }[]) =>
    store.activity.log({ teamId: WORKSPACE, userId: rep, requestKey: key, source: 'slash', text: 'log', day: day('2026-12-03'), loggedAt: at, pairs, note: 'a "quoted", note' });
  await log('m1', [{ metric: 'calls', value: 12 }, { metric: 'meetings', value: 1, handoff: { userId: other, direction: 'to' } }]);
  await log('m2', [{ metric: 'calls', value: 3 }]);
  await store.activity.undoLast(WORKSPACE, rep, at, 'undo-1');
  await store.edits.correct({ teamId: WORKSPACE, userId: rep, requestKey: 'edit-1', corrections: [{ metric: 'calls', value: 14 }], day: null, since: day('2026-11-01'), at });
  await store.history.import(WORKSPACE, 'sheet.csv', [{ day: day('2026-10-01'), userId: other, metric: 'calls', value: 40, note: null, loggedAt: at }], at, { contentHash: 'abc' });
  const claim = (await store.deliveries.claim({ workspace: WORKSPACE, kpiTeam: team.id, subject: String(team.id), kind: 'daily', periodKey: '2026-12-03' }, at, at, 'A'))!;
  await store.deliveries.markSent(claim.id, 'C1', '1700000000.000100', at);
  await store.daysOff.add(WORKSPACE, rep, [day('2026-12-24'), day('2026-12-25')], 'command', at);
  await store.oneonones.schedule({ workspace: WORKSPACE, rep, manager: team.createdBy, weekday: 4, minutes: 900, everyWeeks: 2, anchor: '2026-12-03' as Day }, team.createdBy, at);
  await store.oneonones.savePlan(WORKSPACE, rep, 'ten leads a day', team.createdBy, at, day('2026-12-03'), 'view-1');
  await store.oneonones.saveCheckIn(WORKSPACE, rep, day('2026-12-03'), { wentWell: 'opener', wantHelp: null }, at);
  await store.trees.replace(team.id, [{ metric: 'revenue', value: 1e7, period: 'month', parent: null }, { metric: 'wins', value: 20, period: 'month', parent: 'revenue' }], team.createdBy, at);
  // A client engagement (named to sort after the demo team, which the reports below read first).
  const client = (await store.engagements.create({ workspace: WORKSPACE, client: 'ロジ商事', parentTeam: team.id, channelId: 'CCLIENT', settings: defaultTeamSettings('Asia/Tokyo', 'ja'), report: 'weekly', createdBy: team.createdBy, at }))!;
  await store.engagements.join(WORKSPACE, client.id, [rep, other], at, true);
  await store.engagements.leave(client.id, [other], at);
  await store.activity.log({ teamId: WORKSPACE, userId: rep, requestKey: 'c1', source: 'slash', text: 'log', day: day('2026-12-03'), loggedAt: at, pairs: [{ metric: 'meetings', value: 2 }], note: null, engagement: client.id });
  await store.engagements.decide(client.id, '決裁者同席の商談を優先', team.createdBy, at, 'decide-1');
  await store.metrics.define(WORKSPACE, 'meetings', '決裁者が同席した商談', team.createdBy, at);
  // A reverse plan proposed by /kpi plan … apply and applied, and one still waiting.
  const plan = { workspace: WORKSPACE, kpiTeam: team.id, period: 'month' as const, periodStart: day('2027-01-01'), periodEnd: day('2027-01-31'), targets: [{ metric: 'wins', value: 12 }], tree: [], proposedBy: team.createdBy, proposedAt: at };
  const proposal = await store.planProposals.propose(plan, 'plan-1');
  await store.planProposals.apply(WORKSPACE, proposal.id, team.createdBy, at, day('2027-01-01'));
  await store.planProposals.propose({ ...plan, targets: [{ metric: 'wins', value: 15 }] }, 'plan-2');
}

describe('kpi-bot migrate-to-postgres', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  let url: string;
  beforeEach(async () => {
    dir = tempDir();
    path = join(dir.path, 'kpi.sqlite');
    writeFileSync(path, gunzipSync(readFileSync(FIXTURE)));
    const lite = await Store.open(path);
    await addEveryKind(lite);
    await lite.close();
    url = await freshPgUrl();
  });
  afterEach(() => dir.remove());

  it('moves every row of every table, in one transaction with each count checked, and the bot goes on from there', async () => {
    const env = { KPI_DB_PATH: path, DATABASE_URL: url };
    const out = await cli(['migrate-to-postgres'], env);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Moving KPI_DB_PATH=.*kpi\.sqlite to DATABASE_URL=postgres:\/\/kpi@127\.0\.0\.1:\d+\/postgres\?options=.*, table by table in one transaction:$/u);
    expect(lines.slice(1, -1).map((l) => l.trim().split(/\s+/u)[0])).toEqual([...TABLES_IN_ORDER]);
    expect(lines.at(-1)).toMatch(/^Committed: [\d,]+ rows in 21 tables, each table's count equal to the file's\./u);
    expect(out.stdout).not.toContain(':kpi-test@'); // the test server's password

    const lite = await Store.open(path);
    const pg = await Store.open(url);
    try {
      const [before, after] = [await everything(lite), await everything(pg)];
      for (const table of TABLES_IN_ORDER) {
        expect(after[table], table).toEqual(before[table]);
        expect(lines.find((l) => l.trim().startsWith(`${table} `))).toContain(before[table]!.length.toLocaleString('en-US'));
      }
      expect(before.entries!.length).toBeGreaterThan(100);
      expect(await exported(pg)).toEqual(await exported(lite));

      // The bot goes on: new ids follow the copied ones, and the totals trigger is back on.
      const rep = (before.log_commands as { user_id: string }[])[0]!.user_id;
      const next = await pg.activity.log({ teamId: WORKSPACE, userId: rep, requestKey: 'after-move', source: 'slash', text: 'log', day: day('2026-12-04'), loggedAt: new Date('2026-12-04T01:00:00Z'), pairs: [{ metric: 'calls', value: 9 }], note: null });
      expect(next.commandId).toBe(Math.max(...(before.log_commands as { id: number }[]).map((c) => c.id)) + 1);
      expect((await pg.totals.dayTotals(WORKSPACE, rep, day('2026-12-04'))).values).toEqual({ calls: 9 });
    } finally {
      await lite.close();
      await pg.close();
    }

    // Again: the database holds data now, so nothing is copied unless --replace.
    const again = await cli(['migrate-to-postgres'], env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr.trim()).toMatch(/already holds data \(workspaces 1, teams 2, people \d+, .*\): nothing was copied\. Point DATABASE_URL at an empty database, or add --replace to empty it first\.$/u);
    const replaced = await cli(['migrate-to-postgres', '--replace'], env);
    expect(replaced.code).toBe(0);
    const pg2 = await Store.open(url);
    try {
      expect(await pg2.write((tx) => tx.get('SELECT count(*) AS n FROM log_commands WHERE request_key = ?', ['after-move']))).toEqual({ n: 0 });
    } finally {
      await pg2.close();
    }
  }, 60_000);

  it('gives a PostgreSQL copy on which every report reads exactly as on the SQLite file', async () => {
    expect((await cli(['migrate-to-postgres'], { KPI_DB_PATH: path, DATABASE_URL: url })).code).toBe(0);
    /** Every report model of the demo team on the morning of 3 December 2026, and a week later. */
    const reports = async (store: Store) => {
      const team = (await store.teams.inWorkspace(WORKSPACE))[0]!;
      const members = await store.teams.members(team.id);
      const out: Record<string, unknown> = {};
      for (const today of [day('2026-12-03'), day('2026-12-10')]) {
        for (const m of members) {
          out[`status ${m.userId} ${today}`] = await loadStatus(store, { workspace: WORKSPACE, userId: m.userId, team, asOf: today }, ['day', 'week', 'month', 'quarter'] as const);
          out[`home ${m.userId} ${today}`] = await loadHome(store, { workspace: WORKSPACE, userId: m.userId, locale: 'ja', zone: 'Asia/Tokyo', at: new Date(`${today}T00:00:00Z`) });
          out[`1on1 ${m.userId} ${today}`] = await loadOneOnOne(store, team, { workspace: WORKSPACE, rep: m.userId, meetingDay: today, meetingMinutes: 900 });
        }
        const snap = await loadTeamSnapshot(store, team, reportDayFor(today, calendarFor(team)));
        out[`digest ${today}`] = buildDailyDigest(snap, today);
        out[`dms ${today}`] = members.map((m) => buildMorningDm(snap, m, today));
        out[`weekly ${today}`] = await loadWeeklyReview(store, team, today);
        out[`tree ${today}`] = await loadTeamTree(store, team, today);
        for (const client of await store.engagements.inWorkspace(WORKSPACE)) out[`client ${client.name} ${today}`] = await loadClientReport(store, client, today, new Date(`${today}T00:00:00Z`));
        out[`diagnosis ${today}`] = await loadDiagnosis(store, WORKSPACE, { kind: 'team', team }, today);
        out[`plan ${today}`] = await loadPlan(store, { workspace: WORKSPACE, userId: team.createdBy, team }, { revenue: 10_000_000, period: 'month', avgDealSize: null, winRate: null, meetingRate: null }, today, 'ja');
      }
      // November's month-end review and December's kickoff, on December's first workday.
      out['month review'] = await loadMonthReview(store, team, day('2026-12-01'));
      out['kickoff'] = await loadKickoff(store, team, day('2026-12-01'));
      return out;
    };
    const lite = await Store.open(path);
    const pg = await Store.open(url);
    try {
      const [a, b] = [await reports(lite), await reports(pg)];
      expect(Object.keys(a).length).toBeGreaterThan(30);
      for (const key of Object.keys(a)) expect(b[key], key).toEqual(a[key]);
    } finally {
      await lite.close();
      await pg.close();
    }
  }, 60_000);

  it('says what it needs: DATABASE_URL, and a SQLite file to move', async () => {
    const noUrl = await cli(['migrate-to-postgres'], { KPI_DB_PATH: path });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('kpi-bot: migrate-to-postgres needs DATABASE_URL');
    const noFile = await cli(['migrate-to-postgres'], { KPI_DB_PATH: join(dir.path, 'none.sqlite'), DATABASE_URL: url });
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toBe(`kpi-bot: there is no database at KPI_DB_PATH=${join(dir.path, 'none.sqlite')} to move.\n`);
    const help = await cli(['migrate-to-postgres', '--help'], {});
    expect(help.stdout).toContain('Usage: kpi-bot migrate-to-postgres [--replace]');
  });
});
