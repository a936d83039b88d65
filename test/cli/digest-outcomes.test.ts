/**
 * Issue 11, items 3 and 4: `kpi-bot digest` never posts a digest whose time has not come, `--force`
 * never posts one twice, and the exit code and the words say where each delivery stands.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { seedTokyo } from '../harness/sample-team.js';
import { runCli, type CliIo } from '../../src/cli/index.js';
import { Store } from '../../src/store/index.js';

/** Tuesday 2026-11-24, 09:05 in Tokyo: the daily digest's and the weekly review's time (Monday was a holiday). */
const TUESDAY = new Date('2026-11-24T00:05:00Z');

describe('kpi-bot digest: what it posts and what it says', () => {
  let dir: ReturnType<typeof tempDir>;
  let slack: FakeSlack;
  let env: Record<string, string>;
  beforeEach(async () => {
    dir = tempDir();
    slack = await new FakeSlack().start();
    env = { KPI_DB_PATH: `${dir.path}/kpi.sqlite`, LOG_LEVEL: 'error', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'abc123', SLACK_API_URL: slack.url };
    const store = await Store.open(env.KPI_DB_PATH!);
    await seedTokyo(store);
    await store.close();
  });
  afterEach(async () => {
    await slack.stop();
    dir.remove();
  });

  async function cli(args: string[], now: Date) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, clock: () => now };
    const code = await runCli(args, io);
    return { code, stdout, stderr };
  }

  const channelPosts = () => slack.accepted('chat.postMessage').filter((c) => c.body.channel === 'CTOKYO1');

  async function deliveries() {
    const store = await Store.open(env.KPI_DB_PATH!);
    try {
      return await store.deliveries.list();
    } finally {
      await store.close();
    }
  }

  it('refuses an --at in the future unless --dry-run, so a typo in the year cannot take the place of the real digest', async () => {
    const typo = await cli(['digest', 'daily', '--at', '2027-03-01T09:00'], TUESDAY);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--at 2027-03-01T09:00 is in the future (it is now 2026-11-24T00:05:00.000Z)');
    expect(typo.stderr).toContain('add --dry-run to preview it');
    expect(slack.accepted('chat.postMessage')).toHaveLength(0);
    expect(await deliveries()).toEqual([]);

    const preview = await cli(['digest', 'daily', '--at', '2027-03-01T09:00', '--dry-run'], TUESDAY);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('#CTOKYO1');

    // On the day, the real digest goes out.
    const real = await cli(['digest', 'daily', '--at', '2027-03-01T09:05:00+09:00'], new Date('2027-03-01T00:06:00Z'));
    expect(real.stdout).toContain('the daily digest of Tokyo: sent');
    expect(real.code).toBe(0);
  });

  it('--force on a day off posts the next slot’s digest early, once: the holiday’s forced digest and Tuesday’s are one post', async () => {
    const monday = new Date('2026-11-23T00:05:00Z');
    const forced = await cli(['digest', 'daily', '--force'], monday);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('the daily digest of Tokyo for 2026-11-24 (posted early, on 2026-11-23, with --force): sent');
    const tuesday = await cli(['digest', 'daily'], TUESDAY);
    expect(tuesday.stdout).toContain('the daily digest of Tokyo for 2026-11-24 was already sent');
    expect(tuesday.code).toBe(0);
    expect(channelPosts()).toHaveLength(1);
  });

  it('--force on another day of the week does not post the week’s review a second time', async () => {
    expect((await cli(['digest', 'weekly'], TUESDAY)).stdout).toContain('the weekly review of Tokyo: sent');
    const wednesday = await cli(['digest', 'weekly', '--force'], new Date('2026-11-25T00:05:00Z'));
    expect(wednesday.stdout).toContain('the weekly review of Tokyo for 2026-11-24 was already sent');
    expect(wednesday.code).toBe(0);
    expect(channelPosts()).toHaveLength(1);
  });

  it('exits 1 with a summary per state while a delivery waits for its retry, and says so on a rerun instead of “taken by another process”', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
    const first = await cli(['digest', 'daily'], TUESDAY);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('the daily digest of Tokyo: Slack could not take it now (rate limited by Slack); waiting for its retry at 09:10 (Asia/Tokyo).');
    expect(first.stderr).toBe('Summary: 4 sent, 1 waiting for a retry.\n');

    const rerun = await cli(['digest', 'daily'], new Date(TUESDAY.getTime() + 60_000));
    expect(rerun.code).toBe(1);
    expect(rerun.stdout).toContain('the daily digest of Tokyo for 2026-11-24 is waiting for its retry at 09:10 (Asia/Tokyo): rate limited by Slack.');
    expect(rerun.stdout).not.toContain('another process');
    expect(rerun.stderr).toBe('Summary: 4 already sent before, 1 waiting for a retry.\n');

    const later = await cli(['digest', 'daily'], new Date(TUESDAY.getTime() + 6 * 60_000));
    expect(later.stdout).toContain('the daily digest of Tokyo: sent');
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('Summary: 1 sent, 4 already sent before.');
    expect(channelPosts()).toHaveLength(1);
  });

  it('exits 1 with the reason when Slack refuses the channel, and a rerun still says it failed', async () => {
    slack.missingChannels.add('CTOKYO1');
    const first = await cli(['digest', 'daily'], TUESDAY);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('the daily digest of Tokyo: failed (channel_not_found)');
    expect(first.stderr).toBe('Summary: 4 sent, 1 failed.\n');
    const rerun = await cli(['digest', 'daily'], TUESDAY);
    expect(rerun.code).toBe(1);
    expect(rerun.stdout).toContain('the daily digest of Tokyo for 2026-11-24 failed: channel_not_found; not sent again.');
  });
});
