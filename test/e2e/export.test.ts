import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, tempDir, type TestBot } from '../harness/bot.js';
import { runCli } from '../harness/process.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';

describe('/kpi export: history as a CSV file by DM', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ clock: () => new Date('2026-11-24T03:00:00Z'), env: { KPI_LOCALE: 'en' } });
    await seedTokyo(t.bot.store);
    // What Slack told the bot of each rep's name.
    for (const [i, rep] of REPS.entries()) {
      await t.bot.store.people.saveProfile({ teamId: 'T0001', userId: rep, name: ['Aiko', 'Ben', '坂本'][i]!, locale: 'en', timeZone: 'Asia/Tokyo', isSlackAdmin: false, isActive: true }, new Date('2026-11-24T00:00:00Z'));
    }
  });
  afterEach(async () => {
    await t.stop();
  });

  const uploaded = () => t.slack.accepted('file_upload').map((c) => String(c.body.content));

  it('sends a rep their own rows for the month: UTF-8 with a BOM, each person named beside their ID', async () => {
    const reply = await t.reply('export 2026-11', { userId: REPS[0]! });
    expect(reply.text).toContain(`Your CSV is in your DMs: kpi-${REPS[0]}-2026-11.csv (2 rows).`);
    expect(t.slack.accepted('conversations.open').map((c) => c.body.users)).toEqual([REPS[0]]);
    const [csv] = uploaded();
    // Excel in Japan reads a UTF-8 file as Shift-JIS unless it starts with a byte-order mark.
    expect(csv!.charCodeAt(0)).toBe(0xfeff);
    expect(csv!.slice(1).split('\n')[0]).toBe('date,user_id,name,metric,value,note,logged_at,handoff,client');
    expect(csv).toContain(`2026-11-20,${REPS[0]},Aiko,calls,60,`);
    expect(csv).not.toContain(REPS[1]!);
    expect(t.slack.accepted('files.completeUploadExternal')[0]!.body.channel_id).toBe(`D${REPS[0]!.slice(1)}`);
  });

  it('sends a manager the whole team’s rows in a file named after the team', async () => {
    const reply = await t.reply('export', { userId: MANAGER });
    expect(reply.text).toContain('Your CSV is in your DMs: kpi-Tokyo-all.csv (8 rows).');
    const [csv] = uploaded();
    for (const rep of REPS) expect(csv).toContain(rep);
    expect(csv).toContain(`2026-11-20,${REPS[2]},坂本,wins,1,`);
    expect(csv!.trim().split('\n')).toHaveLength(1 + 8);
  });

  it('what /kpi export sends loads back with kpi-bot import: the same rows as kpi-bot export gives', async () => {
    await t.reply('export', { userId: MANAGER });
    const dir = tempDir();
    try {
      const file = `${dir.path}/kpi-Tokyo-all.csv`;
      writeFileSync(file, uploaded()[0]!);
      const original = await runCli(['export'], { KPI_DB_PATH: t.config.dbPath });
      const fresh = `${dir.path}/fresh.sqlite`;
      const imported = await runCli(['import', file, '--workspace', 'T0001', '--create'], { KPI_DB_PATH: fresh });
      expect(imported.stdout).toBe(`Loaded 8 rows from ${file} into workspace T0001.\n`);
      const again = await runCli(['export'], { KPI_DB_PATH: fresh });
      expect(again.stdout).toBe(original.stdout);
    } finally {
      dir.remove();
    }
  }, 30_000);

  it('says when there is nothing to export, and refuses a malformed month', async () => {
    expect((await t.reply('export 2025-01', { userId: REPS[0]! })).text).toContain('nothing to export');
    expect((await t.reply('export November', { userId: REPS[0]! })).text).toContain('I did not understand “November”');
    expect(uploaded()).toHaveLength(0);
  });
});
