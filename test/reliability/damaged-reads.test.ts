/**
 * Issue 11, item 1: a damaged page is never read as "nothing there". A read that meets it fails
 * loudly (non-zero exit, a clear answer in the person's language, a log line, `/healthz` 503), the
 * start refuses a damaged file after SQLite's `quick_check`, and `kpi-bot check` says what is wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dbPathEach, recordingLogger, startTestBot } from '../harness/bot.js';
import { damageMiddleLeaf } from '../harness/db-damage.js';
import { runCli } from '../harness/process.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';
import { SIGNING_SECRET } from '../harness/signing.js';
import { runCli as runCliInProcess, type CliIo } from '../../src/cli/index.js';
import { addDays, day } from '../../src/domain/days.js';
import { messages } from '../../src/i18n/index.js';
import { Store, type HistoryRow } from '../../src/store/index.js';

/** Tokyo, and 3,000 more entries for its reps: the entries table spans many pages. */
async function seedManyEntries(path: string): Promise<void> {
  const store = await Store.open(path);
  await seedTokyo(store);
  const loggedAt = new Date('2026-11-01T00:00:00Z');
  const rows: HistoryRow[] = [];
  for (let i = 0; i < 3000; i += 1) {
    rows.push({ day: addDays(day('2026-01-01'), i % 300), userId: REPS[i % REPS.length]!, metric: 'calls', value: i % 90, note: `call block ${i}`, loggedAt });
  }
  await store.history.import('T0001', 'history', rows, loggedAt);
  await store.close();
}

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, clock: () => new Date('2026-11-24T03:00:00Z') };
  const code = await runCliInProcess(args, io);
  return { code, stdout, stderr };
}

describe('a damaged page in the history', () => {
  const db = dbPathEach();

  it('kpi-bot export stops with a non-zero exit and says the output is incomplete, instead of printing part of the history as if it were all', async () => {
    await seedManyEntries(db.path);
    const whole = await cli(['export'], { KPI_DB_PATH: db.path });
    expect(whole.code).toBe(0);
    await damageMiddleLeaf(db.path, 'entries');
    const out = await cli(['export'], { KPI_DB_PATH: db.path });
    expect(out.code).toBe(1);
    expect(out.stdout.split('\n').length).toBeLessThan(whole.stdout.split('\n').length);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain('the export stopped part way, so what was printed is incomplete');
    expect(out.stderr).toContain(`KPI_DB_PATH=${db.path} is damaged (SQLITE_CORRUPT`);
  });

  it('/kpi export answers in the person’s language that the database is damaged, logs it, and /healthz turns 503', async () => {
    await seedManyEntries(db.path);
    const logger = recordingLogger();
    const t = await startTestBot({ dbPath: db.path, logger, clock: () => new Date('2026-11-24T03:00:00Z') });
    try {
      t.slack.users.set(MANAGER, { id: MANAGER, locale: 'ja-JP', tz: 'Asia/Tokyo' });
      t.slack.users.set(REPS[0]!, { id: REPS[0]!, locale: 'en-US', tz: 'Asia/Tokyo' });
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
      await damageMiddleLeaf(db.path, 'entries');

      expect((await t.reply('export', { userId: MANAGER })).text).toBe(messages('ja').storeDamaged);
      expect((await t.reply('export', { userId: REPS[0]! })).text).toBe(messages('en').storeDamaged);
      expect(t.slack.accepted('file_upload')).toHaveLength(0);
      expect(logger.lines.some((l) => l.startsWith('error /kpi "export"') && l.includes('SQLITE_CORRUPT'))).toBe(true);
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(503);
    } finally {
      await t.stop();
    }
  });

  it('the start runs quick_check and stops with one line on a damaged file; kpi-bot check lists the problems and exits 1', async () => {
    await seedManyEntries(db.path);
    const sound = await runCli(['check'], { KPI_DB_PATH: db.path });
    expect(sound.code).toBe(0);
    expect(sound.stdout).toMatch(/quick_check found no problem; schema version \d+ of \d+\./u);

    await damageMiddleLeaf(db.path, 'entries');
    const before = readFileSync(db.path);
    const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/', KPI_DB_PATH: db.path, LOG_LEVEL: 'error' };
    const start = await runCli(['start'], env);
    expect(start.code).toBe(1);
    expect(start.stderr.trim().split('\n')).toHaveLength(1);
    expect(start.stderr).toContain(`the database at KPI_DB_PATH=${db.path} is damaged (quick_check: `);
    expect(start.stderr).toContain('`kpi-bot check` lists what is wrong');

    const check = await runCli(['check'], { KPI_DB_PATH: db.path });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`the database at KPI_DB_PATH=${db.path} is damaged; quick_check found:\n  - `);
    // Neither migrated nor wrote anything of ours into the damaged file.
    expect(readFileSync(db.path).equals(before)).toBe(true);
  }, 60_000);

  it('kpi-bot check refuses a path with no database, and appears in kpi-bot help', async () => {
    const missing = await runCli(['check'], { KPI_DB_PATH: db.path });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`there is no database at KPI_DB_PATH=${db.path}`);
    const help = await cli(['help'], {});
    expect(help.stdout).toMatch(/^ {2}check {3,}check the database file for damage/mu);
  });
});
