/**
 * The database file failing under the bot: read-only, full, damaged. Users get a clear answer in
 * their own language, `GET /healthz` says 503, and what was acknowledged before is all there is.
 *
 * The faults are made the way they look to SQLite, so they work for any user, root included (who
 * is not stopped by file modes): a read-only file is one whose header says SQLite may not write it;
 * a full disk is a file-size limit (`ulimit -f`) on the bot's process; a damaged file has pages
 * overwritten with garbage.
 */
import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { dbPathEach, startTestBot, type TestBot } from '../harness/bot.js';
import { dbFacts } from '../harness/db-facts.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { cliEnv, ENTRY, exited, freePort, ROOT, runCli, waitForHttp } from '../harness/process.js';
import { postSigned, SIGNING_SECRET, slashCommandBody } from '../harness/signing.js';
import { messages } from '../../src/i18n/index.js';
import { Store } from '../../src/store/index.js';

const EN_USER = 'U0001';
const JA_USER = 'U0002';

/** Runs one statement on the file with a connection of the test's own. */
function rawSql<T>(path: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path);
    db.all(sql, (err: Error | null, rows: T[]) => db.close(() => (err ? reject(err) : resolve(rows))));
  });
}

/** Byte 18 of a SQLite file is its write version: above 2, SQLite opens it read-only. */
function setWriteVersion(path: string, version: number): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from([version]), 0, 1, 18);
  closeSync(fd);
}

const health = async (t: { baseUrl: string }) => (await fetch(`${t.baseUrl}/healthz`)).status;

describe('a database file that fails under the bot', () => {
  const db = dbPathEach();

  async function botWithUsers(): Promise<TestBot> {
    const t = await startTestBot({ dbPath: db.path });
    t.slack.users.set(EN_USER, { id: EN_USER, locale: 'en-US', tz: 'Asia/Tokyo' });
    t.slack.users.set(JA_USER, { id: JA_USER, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    return t;
  }

  it('turning read-only: users are told in their own language nothing was stored, reads still work, /healthz says 503, and the file holds exactly what was acknowledged', async () => {
    const t = await botWithUsers();
    try {
      expect((await t.reply('log calls 10', { userId: EN_USER, triggerId: 'before-1' })).text).toContain('Logged');
      expect(await health(t)).toBe(200);

      // Everything moved into the main file, then its header marked read-only: the bot's next read sees it.
      await rawSql(db.path, 'PRAGMA wal_checkpoint(TRUNCATE)');
      setWriteVersion(db.path, 3);

      expect((await t.reply('log calls 5', { userId: EN_USER, triggerId: 'ro-1' })).text).toBe(messages('en').storeUnavailable);
      // Someone the bot has never seen: their language comes from Slack even though it cannot be kept.
      expect((await t.reply('log 架電 5', { userId: JA_USER, triggerId: 'ro-2' })).text).toBe(messages('ja').storeUnavailable);
      expect((await t.reply('', { userId: EN_USER })).text).toContain('10 calls');
      expect(await health(t)).toBe(503);
    } finally {
      await t.stop();
    }
    setWriteVersion(db.path, 2);
    const facts = await dbFacts(db.path);
    expect([...facts.logs.keys()]).toEqual(['before-1']);
    expect(facts.logsWithoutEntries).toBe(0);
    expect(facts.totalsOutOfStep).toBe(0);
    expect(facts.integrity).toBe('ok');
  });

  it('filling up (a file-size limit on the bot process): the log that does not fit is refused in the person’s language, /healthz says 503, and every acknowledged log is there after a restart, nothing half-written', async () => {
    const created = await Store.open(db.path);
    await created.close();
    const slack = await new FakeSlack().start();
    slack.users.set(JA_USER, { id: JA_USER, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/slack/events`;
    const env = cliEnv({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, PORT: String(port), KPI_DB_PATH: db.path, LOG_LEVEL: 'error' });
    // Room for the file as it is and about 200 KB of write-ahead log: a few logs fit, then the disk is "full".
    const blocks = Math.ceil((statSync(db.path).size + 200_000) / 512);
    const bot = spawn('sh', ['-c', `ulimit -f ${blocks} && exec "$0" --import tsx "$1" start`, process.execPath, ENTRY], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`);
      const acked: string[] = [];
      let refused: string | null = null;
      for (let i = 0; i < 300 && refused === null; i += 1) {
        const triggerId = `fill-${i}`;
        const text = await (await postSigned(url, slashCommandBody({ text: `log calls ${i + 1} -- note ${i}`, userId: EN_USER, triggerId }))).text();
        if (text.includes('Logged')) acked.push(triggerId);
        else refused = text;
      }
      expect(acked.length).toBeGreaterThan(0);
      expect(refused).toContain(messages('en').storeUnavailable);
      const ja = await (await postSigned(url, slashCommandBody({ text: 'log 架電 30 商談 2', userId: JA_USER, triggerId: 'full-ja' }))).text();
      expect(ja).toContain(messages('ja').storeUnavailable);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
      bot.kill('SIGTERM');
      await exited(bot);

      const facts = await dbFacts(db.path);
      expect([...facts.logs.keys()].sort()).toEqual([...acked].sort());
      for (const key of acked) expect(facts.logs.get(key)!.entries).toEqual([{ metric: 'calls', value: Number(key.replace('fill-', '')) + 1 }]);
      expect(facts.logsWithoutEntries).toBe(0);
      expect(facts.totalsOutOfStep).toBe(0);
      expect(facts.integrity).toBe('ok');
    } finally {
      bot.kill('SIGKILL');
      await slack.stop();
    }
  }, 60_000);

  it('damaged while running: users are told in their own language that the database is damaged, /healthz says 503 from then on, and what needs no data still answers', async () => {
    const t = await botWithUsers();
    try {
      expect(await health(t)).toBe(200);
      // The start's quick_check passed; now the pages of the log tables turn to garbage under the bot.
      await rawSql(db.path, 'PRAGMA wal_checkpoint(TRUNCATE)');
      const roots = await rawSql<{ rootpage: number }>(db.path, "SELECT rootpage FROM sqlite_schema WHERE tbl_name IN ('log_commands', 'entries', 'daily_totals') AND rootpage > 0");
      const fd = openSync(db.path, 'r+');
      for (const { rootpage } of roots) writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (rootpage - 1) * 4096);
      closeSync(fd);

      expect((await t.reply('log calls 5', { userId: EN_USER })).text).toBe(messages('en').storeDamaged);
      expect((await t.reply('log 架電 5', { userId: JA_USER })).text).toBe(messages('ja').storeDamaged);
      expect(await health(t)).toBe(503);
      expect(await health(t)).toBe(503);
      expect((await t.reply('help', { userId: EN_USER })).text).toContain('/kpi log <metric> <number>');
    } finally {
      await t.stop();
    }
  });

  it('read-only from the start: the bot starts, refuses logs in the person’s language and says 503', async () => {
    const created = await Store.open(db.path);
    await created.close();
    setWriteVersion(db.path, 3);
    const t = await botWithUsers();
    try {
      expect((await t.reply('log 架電 5', { userId: JA_USER })).text).toBe(messages('ja').storeUnavailable);
      expect(await health(t)).toBe(503);
    } finally {
      await t.stop();
    }
  });

  it('stops the start with one line naming the variable when the file is not a database', async () => {
    writeFileSync(db.path, `not a database ${'x'.repeat(8192)}`);
    const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/', KPI_DB_PATH: db.path, LOG_LEVEL: 'error' };
    const out = await runCli(['start'], env);
    expect(out.code).toBe(1);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain(`KPI_DB_PATH=${db.path} is not a KPI database or is damaged (SQLITE_NOTADB): restore it from a backup`);
  }, 30_000);
});
