/**
 * Issue 11, item 8: an import people can trust. Rows dated in the future, an unknown workspace and
 * the same history a second time are refused with nothing stored; a Shift-JIS file from Japanese
 * Excel reads as it should; a large file is stored all or nothing without being held in memory.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { runCli, type CliIo } from '../../src/cli/index.js';
import { day } from '../../src/domain/days.js';
import { Store, type HistoryRow } from '../../src/store/index.js';

const NOW = new Date('2026-11-22T00:00:00Z');

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, clock: () => NOW };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** 架電 受注 商談 新規 in Shift-JIS, as Japanese Excel saves them in a “CSV” file. */
const SJIS = {
  架電: [0x89, 0xcb, 0x93, 0x64],
  受注: [0x8e, 0xf3, 0x92, 0x8d],
  商談: [0x8f, 0xa4, 0x92, 0x6b],
  新規: [0x90, 0x56, 0x8b, 0x4b],
} as const;

/** A CSV in Shift-JIS: ASCII as it is, the Japanese words above as their bytes. */
function shiftJis(text: string): Buffer {
  const bytes: number[] = [];
  for (const piece of text.split(/(架電|受注|商談|新規)/u)) {
    if (piece in SJIS) bytes.push(...SJIS[piece as keyof typeof SJIS]);
    else bytes.push(...Buffer.from(piece, 'ascii'));
  }
  return Buffer.from(bytes);
}

describe('kpi-bot import: what it refuses and what it reads', () => {
  let dir: ReturnType<typeof tempDir>;
  let env: Record<string, string>;
  beforeEach(async () => {
    dir = tempDir();
    env = { KPI_DB_PATH: `${dir.path}/kpi.sqlite`, LOG_LEVEL: 'error' };
    const store = await Store.open(env.KPI_DB_PATH!);
    await store.activity.log({ teamId: 'T0001', userId: 'U0001', requestKey: null, source: 'slash', text: 'log calls 1', day: day('2026-11-20'), loggedAt: NOW, pairs: [{ metric: 'calls', value: 1 }], note: null });
    await store.close();
  });
  afterEach(() => dir.remove());

  async function facts() {
    const store = await Store.open(env.KPI_DB_PATH!);
    try {
      return await store.write(async (tx) => ({
        workspaces: (await tx.all<{ team_id: string }>('SELECT team_id FROM workspaces ORDER BY team_id')).map((r) => r.team_id),
        imported: (await tx.get<{ n: number }>('SELECT count(*) AS n FROM entries WHERE import_id IS NOT NULL'))!.n,
        imports: (await tx.get<{ n: number }>('SELECT count(*) AS n FROM imports'))!.n,
        totals: await tx.all<{ user_id: string; day: string; metric: string; total: number }>("SELECT user_id, day, metric, total FROM daily_totals WHERE user_id <> 'U0001' ORDER BY user_id, day, metric"),
      }));
    } finally {
      await store.close();
    }
  }

  const file = (name: string, content: string | Buffer) => {
    const path = `${dir.path}/${name}`;
    writeFileSync(path, content);
    return path;
  };

  it('refuses a row dated in the future (or logged in the future), naming its line, and stores nothing', async () => {
    const typo = file('typo.csv', 'date,user_id,metric,value\n2026-11-20,U0003,calls,10\n2027-11-20,U0003,calls,12\n');
    const out = await cli(['import', typo], env);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(`${typo}, line 3: date 2027-11-20 is in the future; history can be imported up to today. Nothing was imported.\n`);
    const logged = file('logged.csv', 'date,user_id,metric,value,note,logged_at\n2026-11-20,U0003,calls,10,,2026-12-01T00:00:00Z\n');
    expect((await cli(['import', logged], env)).stderr).toContain('line 2: logged_at “2026-12-01T00:00:00Z” is in the future');
    expect(await facts()).toMatchObject({ imported: 0, imports: 0 });
  });

  it('refuses a --workspace the database does not hold unless --create, instead of starting a second workspace', async () => {
    const sheet = file('sheet.csv', 'date,user_id,metric,value\n2026-11-20,U0003,calls,10\n');
    const typo = await cli(['import', sheet, '--workspace', 'T0002'], env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('workspace T0002 is not in the database (it has: T0001); check the ID, or add --create to start a new workspace with this file');
    expect(await facts()).toMatchObject({ workspaces: ['T0001'], imported: 0 });
    const created = await cli(['import', sheet, '--workspace', 'T0002', '--create'], env);
    expect(created).toMatchObject({ code: 0, stdout: `Loaded 1 rows from ${sheet} into workspace T0002.\n` });
    expect(await facts()).toMatchObject({ workspaces: ['T0001', 'T0002'], imported: 1 });
  });

  it('refuses the same rows a second time, in any encoding, line ending or quoting, instead of doubling the history', async () => {
    const rows = 'date,user_id,metric,value,note\n2026-11-19,U0003,架電,45,新規\n2026-11-19,U0003,商談,3,\n';
    const first = file('history.csv', rows);
    expect((await cli(['import', first], env)).code).toBe(0);
    const totals = (await facts()).totals;
    expect(totals).toEqual([
      { user_id: 'U0003', day: '2026-11-19', metric: 'calls', total: 45 },
      { user_id: 'U0003', day: '2026-11-19', metric: 'meetings', total: 3 },
    ]);
    for (const [name, content] of [
      ['history.csv', rows],
      ['from-excel.csv', `\uFEFF${rows.replace(/\n/gu, '\r\n').replace('45', '"45"')}`],
      ['from-excel-ja.csv', shiftJis(rows)],
    ] as const) {
      const again = file(`again-${name}`, content);
      const out = await cli(['import', again], env);
      expect(out.code, name).toBe(1);
      expect(out.stderr).toContain(`${again} holds the same rows as import #1 into workspace T0001 (history.csv, 2 rows, on 2026-11-22). Nothing was imported: loading it again would count every row twice.`);
    }
    expect(await facts()).toMatchObject({ imported: 2, imports: 1, totals });
  });

  it('reads a Shift-JIS file (Japanese Excel’s “CSV”) as Shift-JIS, and names both encodings for a file that is neither', async () => {
    const sheet = file('sjis.csv', shiftJis('date,user_id,metric,value,note\n2026-10-01,U0003,架電,120,新規\n2026-10-01,U0003,受注,2,\n'));
    // The fixture's bytes are Shift-JIS indeed.
    expect(new TextDecoder('shift_jis').decode(shiftJis('架電受注商談新規'))).toBe('架電受注商談新規');
    const out = await cli(['import', sheet], env);
    expect(out).toMatchObject({ code: 0, stdout: `Loaded 2 rows from ${sheet} (read as Shift-JIS) into workspace T0001.\n` });
    const store = await Store.open(env.KPI_DB_PATH!);
    expect((await store.totals.dayTotals('T0001', 'U0003', day('2026-10-01'))).values).toEqual({ calls: 120, wins: 2 });
    expect((await store.activity.entriesOf('T0001', 'U0003')).map((e) => e.note)).toContain('新規');
    await store.close();

    const neither = file('latin.csv', Buffer.concat([Buffer.from('date,user_id,metric,value,note\n2026-10-02,U0003,calls,1,'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]));
    const refused = await cli(['import', neither], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the file is neither UTF-8 nor Shift-JIS');
  });

  it('stores a file written row by row in chunks all or nothing: rows that fail after thousands were written leave no trace', async () => {
    const store = await Store.open(env.KPI_DB_PATH!);
    try {
      async function* rows(): AsyncGenerator<HistoryRow> {
        for (let i = 0; i < 5000; i += 1) yield { day: day('2026-10-05'), userId: `U${1000 + (i % 50)}`, metric: 'calls', value: 1, note: null, loggedAt: NOW };
        throw new Error('the file could not be read any further');
      }
      await expect(store.history.import('T0001', 'broken.csv', rows(), NOW)).rejects.toThrow('could not be read any further');
      const left = await store.write(async (tx) => ({
        entries: (await tx.get<{ n: number }>('SELECT count(*) AS n FROM entries WHERE import_id IS NOT NULL'))!.n,
        people: (await tx.get<{ n: number }>("SELECT count(*) AS n FROM people WHERE user_id LIKE 'U1%'"))!.n,
        imports: (await tx.get<{ n: number }>('SELECT count(*) AS n FROM imports'))!.n,
      }));
      expect(left).toEqual({ entries: 0, people: 0, imports: 0 });
    } finally {
      await store.close();
    }
  });
});
