import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';

describe('/kpi export: history as a CSV file by DM', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ clock: () => new Date('2026-11-24T03:00:00Z'), env: { KPI_LOCALE: 'en' } });
    await seedTokyo(t.bot.store);
  });
  afterEach(async () => {
    await t.stop();
  });

  const uploaded = () => t.slack.accepted('file_upload').map((c) => String(c.body.content));

  it('sends a rep their own rows for the month, in the import format', async () => {
    const reply = await t.reply('export 2026-11', { userId: REPS[0]! });
    expect(reply.text).toContain(`Your CSV is in your DMs: kpi-${REPS[0]}-2026-11.csv (2 rows).`);
    expect(t.slack.accepted('conversations.open').map((c) => c.body.users)).toEqual([REPS[0]]);
    const [csv] = uploaded();
    expect(csv!.split('\n')[0]).toBe('date,user_id,metric,value,note,logged_at');
    expect(csv).toContain(`2026-11-20,${REPS[0]},calls,60,`);
    expect(csv).not.toContain(REPS[1]!);
    expect(t.slack.accepted('files.completeUploadExternal')[0]!.body.channel_id).toBe(`D${REPS[0]!.slice(1)}`);
  });

  it('sends a manager the whole team’s rows', async () => {
    await t.reply('export', { userId: MANAGER });
    const [csv] = uploaded();
    for (const rep of REPS) expect(csv).toContain(rep);
    expect(csv!.trim().split('\n')).toHaveLength(1 + 8);
  });

  it('says when there is nothing to export, and refuses a malformed month', async () => {
    expect((await t.reply('export 2025-01', { userId: REPS[0]! })).text).toContain('nothing to export');
    expect((await t.reply('export November', { userId: REPS[0]! })).text).toContain('I did not understand “November”');
    expect(uploaded()).toHaveLength(0);
  });
});
