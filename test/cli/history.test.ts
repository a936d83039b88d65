import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { runCli, type CliIo } from '../../src/cli/index.js';
import { day } from '../../src/domain/days.js';
import { Store } from '../../src/store/index.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, clock: () => new Date('2026-11-22T00:00:00Z') };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('kpi-bot export and import', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  async function seed(path: string) {
    const store = await Store.open(path);
    const at = new Date('2026-11-20T01:02:03.456Z');
    const base = { teamId: 'T0001', requestKey: null, source: 'slash' as const, text: '', loggedAt: at };
    await store.activity.log({ ...base, userId: 'U0001', day: day('2026-11-19'), pairs: [{ metric: 'calls', value: 45 }, { metric: 'meetings', value: 3 }], note: 'new opener, "quoted", 改行なし' });
    await store.activity.log({ ...base, userId: 'U0002', day: day('2026-11-20'), pairs: [{ metric: 'revenue', value: 1_200_000 }], note: null });
    // An SDR hands a meeting to the closer; the closer logs the deal it became, received from the SDR.
    await store.activity.log({ ...base, userId: 'U0001', day: day('2026-11-20'), pairs: [{ metric: 'meetings', value: 1, handoff: { userId: 'U0002', direction: 'to' } }], note: null });
    await store.activity.log({ ...base, userId: 'U0002', day: day('2026-11-20'), pairs: [{ metric: 'wins', value: 1, handoff: { userId: 'U0001', direction: 'from' } }], note: null });
    await store.activity.log({ ...base, userId: 'U0002', day: day('2026-11-20'), pairs: [{ metric: 'calls', value: 999 }], note: null });
    await store.activity.undoLast('T0001', 'U0002', at, null);
    await store.close();
  }

  it('export, import into a fresh database, export again: the same rows', async () => {
    const first = `${dir.path}/first.sqlite`;
    const second = `${dir.path}/second.sqlite`;
    await seed(first);
    const exported = await cli(['export'], { KPI_DB_PATH: first });
    expect(exported.code).toBe(0);
    expect(exported.stdout.split('\n')[0]).toBe('date,user_id,metric,value,note,logged_at,handoff,client');
    expect(exported.stdout).not.toContain('999');
    expect(exported.stdout).toContain('2026-11-20,U0001,meetings,1,,2026-11-20T01:02:03.456Z,to:U0002,');
    expect(exported.stdout).toContain('2026-11-20,U0002,wins,1,,2026-11-20T01:02:03.456Z,from:U0001,');
    const csv = `${dir.path}/history.csv`;
    writeFileSync(csv, exported.stdout);
    const imported = await cli(['import', csv, '--workspace', 'T0001', '--create'], { KPI_DB_PATH: second });
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining('Loaded 5 rows') });
    const again = await cli(['export'], { KPI_DB_PATH: second });
    expect(again.stdout).toBe(exported.stdout);
    const store = await Store.open(second);
    expect((await store.totals.dayTotals('T0001', 'U0001', day('2026-11-19'))).values).toEqual({ calls: 45, meetings: 3 });
    // The handoffs came across: the SDR handed one meeting, which was won.
    expect(await store.activity.handoffs('T0001', 'U0001', day('2026-11-01'), day('2026-11-30'))).toEqual({ handed: 1, won: 1 });
    await store.close();
  });

  it('carries each log’s client engagement through export and import, and refuses a client the workspace does not have', async () => {
    const first = `${dir.path}/first.sqlite`;
    const second = `${dir.path}/second.sqlite`;
    const engage = async (path: string) => {
      const store = await Store.open(path);
      const team = (await store.engagements.create({
        workspace: 'T0001',
        client: 'Acme',
        parentTeam: null,
        channelId: 'CACME1',
        settings: defaultTeamSettings('Asia/Tokyo', 'en'),
        report: 'weekly',
        createdBy: 'UADMIN1',
        at: new Date('2026-11-01T00:00:00Z'),
      }))!;
      return { store, team };
    };
    const a = await engage(first);
    const at = new Date('2026-11-20T01:02:03.456Z');
    await a.store.activity.log({ teamId: 'T0001', userId: 'U0001', requestKey: null, source: 'slash', text: '', loggedAt: at, day: day('2026-11-19'), pairs: [{ metric: 'calls', value: 40 }], note: null, engagement: a.team.id });
    await a.store.activity.log({ teamId: 'T0001', userId: 'U0001', requestKey: null, source: 'slash', text: '', loggedAt: at, day: day('2026-11-19'), pairs: [{ metric: 'emails', value: 3 }], note: null });
    await a.store.close();
    const exported = await cli(['export'], { KPI_DB_PATH: first });
    expect(exported.stdout).toContain('2026-11-19,U0001,calls,40,,2026-11-20T01:02:03.456Z,,Acme');
    expect(exported.stdout).toContain('2026-11-19,U0001,emails,3,,2026-11-20T01:02:03.456Z,,\n');
    const csv = `${dir.path}/history.csv`;
    writeFileSync(csv, exported.stdout);
    // A workspace without that client refuses the file, storing nothing.
    const refused = await cli(['import', csv, '--workspace', 'T0001', '--create'], { KPI_DB_PATH: `${dir.path}/third.sqlite` });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('client “Acme” is not a client engagement of this workspace');
    const b = await engage(second);
    await b.store.close();
    expect((await cli(['import', csv, '--workspace', 'T0001'], { KPI_DB_PATH: second })).code).toBe(0);
    expect((await cli(['export'], { KPI_DB_PATH: second })).stdout).toBe(exported.stdout);
    const store = await Store.open(second);
    expect((await store.engagements.memberTotals(b.team.id, day('2026-11-01'), day('2026-11-30'))).get('U0001')?.values).toEqual({ calls: 40 });
    await store.close();
  });

  it('filters the export by person and dates', async () => {
    const path = `${dir.path}/kpi.sqlite`;
    await seed(path);
    const out = await cli(['export', '--user', 'U0001', '--from', '2026-11-19', '--to', '2026-11-19'], { KPI_DB_PATH: path });
    expect(out.stdout.trim().split('\n')).toHaveLength(3);
    const none = await cli(['export', '--from', '2026-11-21'], { KPI_DB_PATH: path });
    expect(none.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('loads into the only workspace when none is named, and accepts metric names in Japanese', async () => {
    const path = `${dir.path}/kpi.sqlite`;
    await seed(path);
    const csv = `${dir.path}/sheet.csv`;
    writeFileSync(csv, 'date,user_id,metric,value,note\n2026-10-01,U0003,架電,"1,200",from the old sheet\n2026-10-01,U0003,受注,2,\n');
    const out = await cli(['import', csv], { KPI_DB_PATH: path });
    expect(out.stdout).toBe(`Loaded 2 rows from ${csv} into workspace T0001.\n`);
    const store = await Store.open(path);
    expect((await store.totals.dayTotals('T0001', 'U0003', day('2026-10-01'))).values).toEqual({ calls: 1200, wins: 2 });
    await store.close();
  });

  it('imports nothing when one row is bad, and names its line', async () => {
    const path = `${dir.path}/kpi.sqlite`;
    await seed(path);
    const csv = `${dir.path}/bad.csv`;
    writeFileSync(csv, 'date,user_id,metric,value\n2026-10-01,U0003,calls,10\n2026-10-02,U0003,cals,4\n2026-10-03,U0003,calls,1\n');
    const out = await cli(['import', csv], { KPI_DB_PATH: path });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(`${csv}, line 3: metric “cals” is not one we know (did you mean calls?). Nothing was imported.\n`);
    const store = await Store.open(path);
    expect((await store.totals.dayTotals('T0001', 'U0003', day('2026-10-01'))).values).toEqual({});
    await store.close();
  });

  it.each([
    ['2026-13-01,U0003,calls,1', 'date “2026-13-01” is not a date'],
    ['2026-10-01,bob,calls,1', 'user_id “bob” is not a Slack user ID'],
    ['2026-10-01,U0003,calls,2.5', 'value “2.5” is not a whole number'],
    ['2026-10-01,U0003,calls,-1', 'value “-1” is not a whole number'],
    ['2026-10-01,U0003,win_rate,1', 'computed from other metrics'],
    ['2026-10-01,U0003,calls,200000', 'more than a day can hold'],
    ['2026-10-01,U0003,calls,1,,yesterday', 'logged_at “yesterday” is not an ISO 8601 time'],
    ['2026-10-01,U0003,meetings,1,,,to U0004', 'handoff “to U0004” is not to:USER_ID or from:USER_ID'],
    ['2026-10-01,U0003,meetings,1,,,to:U0003', 'handoff to:U0003 names the person who logged the row'],
  ])('explains a bad row: %s', async (row, reason) => {
    const path = `${dir.path}/kpi.sqlite`;
    const csv = `${dir.path}/bad.csv`;
    writeFileSync(csv, `date,user_id,metric,value,note,logged_at,handoff\n${row}\n`);
    const out = await cli(['import', csv, '--workspace', 'T0001', '--create'], { KPI_DB_PATH: path });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('line 2');
    expect(out.stderr).toContain(reason);
  });

  it('asks for --workspace when the database has none yet, and refuses a wrong header', async () => {
    const path = `${dir.path}/kpi.sqlite`;
    const csv = `${dir.path}/h.csv`;
    writeFileSync(csv, 'date,user_id,metric,value\n2026-10-01,U0003,calls,1\n');
    const out = await cli(['import', csv], { KPI_DB_PATH: path });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('name the one to load into with --workspace');
    writeFileSync(csv, 'day,user,metric,value\n2026-10-01,U0003,calls,1\n');
    const header = await cli(['import', csv, '--workspace', 'T0001', '--create'], { KPI_DB_PATH: path });
    expect(header.stderr).toContain('line 1: the header must start with date,user_id,metric,value');
  });

  it('export and import need no Slack variables; migrate reports the schema', async () => {
    const path = `${dir.path}/kpi.sqlite`;
    const out = await cli(['migrate'], { KPI_DB_PATH: path });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/schema version \d+/u);
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });

  it('says how to use a command typed wrong', async () => {
    const out = await cli(['export', '--from', 'last week'], { KPI_DB_PATH: `${dir.path}/kpi.sqlite` });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--from must be a date in the form YYYY-MM-DD');
    const unknown = await cli(['frobnicate'], {});
    expect(unknown.stderr).toContain('unknown command “frobnicate”');
  });
});
