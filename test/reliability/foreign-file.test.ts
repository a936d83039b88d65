/**
 * Issue 11, item 2: KPI_DB_PATH pointing at another application's SQLite file. The bot refuses it
 * with one line and leaves it byte for byte as it was; a KPI database from before the
 * application_id mark still opens, and gets marked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dbPathEach } from '../harness/bot.js';
import { rawSql } from '../harness/db-damage.js';
import { runCli } from '../harness/process.js';
import { SIGNING_SECRET } from '../harness/signing.js';
import { day } from '../../src/domain/days.js';
import { Connection } from '../../src/store/connection.js';
import { migrate } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { SCHEMA_VERSION, Store } from '../../src/store/index.js';

const OURS = 0x4b504952;
const startEnv = (path: string) => ({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/', KPI_DB_PATH: path, LOG_LEVEL: 'error' });
const applicationId = async (path: string) => (await rawSql<{ application_id: number }>(path, 'PRAGMA application_id'))[0]!.application_id;

describe('a SQLite file that is not the bot’s', () => {
  const db = dbPathEach();

  async function invoices(): Promise<void> {
    await rawSql(db.path, 'CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer TEXT, amount INTEGER)');
    await rawSql(db.path, "INSERT INTO invoices (customer, amount) VALUES ('Acme', 120000)");
  }

  it('kpi-bot migrate, start and check refuse it with one line, and leave the file exactly as it was', async () => {
    await invoices();
    const before = readFileSync(db.path);
    for (const [args, env] of [
      [['migrate'], { KPI_DB_PATH: db.path }],
      [['start'], startEnv(db.path)],
      [['check'], { KPI_DB_PATH: db.path }],
    ] as const) {
      const out = await runCli(args, env);
      expect(out.code, args[0]).toBe(1);
      expect(out.stderr.trim().split('\n'), args[0]).toHaveLength(1);
      expect(out.stderr).toContain(`the file at KPI_DB_PATH=${db.path} belongs to another application (it holds invoices)`);
      expect(out.stderr).toContain('point KPI_DB_PATH at the bot');
    }
    expect(readFileSync(db.path).equals(before)).toBe(true);
    expect(await rawSql(db.path, "SELECT name FROM sqlite_schema WHERE type = 'table'")).toEqual([{ name: 'invoices' }]);
  }, 60_000);

  it('refuses a file another application marked with its own application_id, even with no tables yet', async () => {
    await rawSql(db.path, 'PRAGMA application_id = 1234');
    const out = await runCli(['migrate'], { KPI_DB_PATH: db.path });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('belongs to another application (its application_id is 1234)');
    expect(await applicationId(db.path)).toBe(1234);
  });

  it('refuses a file with a schema_migrations table of another tool (Rails keeps one too)', async () => {
    await rawSql(db.path, 'CREATE TABLE schema_migrations (version TEXT PRIMARY KEY)');
    await rawSql(db.path, "INSERT INTO schema_migrations VALUES ('20240101000000')");
    await expect(Store.open(db.path)).rejects.toThrow('belongs to another application (tables: schema_migrations)');
  });

  it('a new file and a KPI database from before the mark both open; each is marked as ours, and the history is kept', async () => {
    const fresh = await runCli(['migrate'], { KPI_DB_PATH: db.path });
    expect(fresh.code).toBe(0);
    expect(await applicationId(db.path)).toBe(OURS);

    const old = `${db.path}.old`;
    const conn = await Connection.open(old, 'readwrite');
    await migrate(conn, MIGRATIONS.filter((m) => m.version <= 5));
    await conn.close();
    expect(await applicationId(old)).toBe(0);
    const store = await Store.open(old);
    await store.activity.log({ teamId: 'T0001', userId: 'U0001', requestKey: null, source: 'slash', text: 'log calls 5', day: day('2026-11-20'), loggedAt: new Date(), pairs: [{ metric: 'calls', value: 5 }], note: null });
    await store.close();
    // Closed and opened again: the mark holds, and so does what was stored.
    const again = await runCli(['migrate'], { KPI_DB_PATH: old });
    expect(again).toMatchObject({ code: 0, stdout: `Database ${old} is at schema version ${SCHEMA_VERSION}.\n` });
    expect(await applicationId(old)).toBe(OURS);
    expect(await rawSql(old, 'SELECT metric, value FROM entries')).toEqual([{ metric: 'calls', value: 5 }]);
  });
});
