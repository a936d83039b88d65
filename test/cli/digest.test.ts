import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { REPS, seedTokyo } from '../harness/sample-team.js';
import { runCli, type CliIo } from '../../src/cli/index.js';
import { Store } from '../../src/store/index.js';

async function cli(args: string[], env: Record<string, string>, now = new Date('2026-11-24T00:05:00Z')) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, clock: () => now };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('kpi-bot digest', () => {
  let dir: ReturnType<typeof tempDir>;
  let env: Record<string, string>;
  let slack: FakeSlack;
  beforeEach(async () => {
    dir = tempDir();
    env = { KPI_DB_PATH: `${dir.path}/kpi.sqlite`, LOG_LEVEL: 'error' };
    const store = await Store.open(env.KPI_DB_PATH!);
    await seedTokyo(store);
    await store.close();
    slack = await new FakeSlack().start();
  });
  afterEach(async () => {
    await slack.stop();
    dir.remove();
  });

  it('--dry-run on Tuesday 2026-11-24 prints Friday the 20th’s numbers (Monday the 23rd is a holiday), with no Slack variables', async () => {
    const out = await cli(['digest', 'daily', '--at', '2026-11-24T09:05:00+09:00', '--dry-run'], env);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('──── #CTOKYO1 ────');
    expect(out.stdout).toContain('Fri 20 Nov');
    expect(out.stdout).toContain('135 calls');
    expect(out.stdout).toContain('6 meetings');
    expect(out.stdout).toContain(`DM to ${REPS[0]}`);
    expect(out.stdout).not.toContain('**');
  });

  it('--format json prints the payloads, a DM addressed to the person’s user ID', async () => {
    const out = await cli(['digest', 'daily', '--at', '2026-11-24T09:05:00+09:00', '--dry-run', '--format', 'json'], env);
    const payloads = JSON.parse(out.stdout) as { channel: string; text: string; blocks: unknown[] }[];
    expect(payloads.map((p) => p.channel)).toEqual(['CTOKYO1', 'UMGR0001', ...REPS]);
    expect(payloads.every((p) => p.text.length > 0 && p.blocks.length > 0)).toBe(true);
  });

  it('the weekly review’s --dry-run carries each chart’s title and numbers; --format json lists its charts with Slack’s chart block', async () => {
    const text = await cli(['digest', 'weekly', '--at', '2026-11-24T09:05:00+09:00', '--dry-run'], env);
    expect(text.stdout).toContain('Chart: The funnel of the week of Mon 16 Nov.\nCalls 135 · meetings 6 · wins 1');
    expect(text.stdout).toContain('Chart: Team KPIs, week by week (last 8 weeks).');
    const json = await cli(['digest', 'weekly', '--at', '2026-11-24T09:05:00+09:00', '--dry-run', '--format', 'json'], env);
    const [review] = JSON.parse(json.stdout) as { text: string; blocks: unknown[]; charts: { at: number; kind: string; alt: string; native: { type: string } | null }[] }[];
    expect(review!.charts.map((c) => c.kind)).toEqual(['trend', 'funnel']);
    expect(review!.charts.every((c) => c.at > 0 && c.at <= review!.blocks.length && c.alt.startsWith('Chart: '))).toBe(true);
    // The funnel has its native form; the trend has none while its early weeks had no target (it goes as a PNG).
    expect(review!.charts.map((c) => c.native?.type ?? null)).toEqual([null, 'data_visualization']);
  });

  it('posts once, and a second run says it was already sent', async () => {
    const slackEnv = { ...env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'abc123', SLACK_API_URL: slack.url };
    const first = await cli(['digest', 'daily', '--at', '2026-11-24T09:05:00+09:00'], slackEnv);
    expect(first.stdout).toContain('the daily digest of Tokyo: sent');
    expect(slack.accepted('chat.postMessage').filter((c) => c.body.channel === 'CTOKYO1')).toHaveLength(1);
    const second = await cli(['digest', 'daily', '--at', '2026-11-24T09:05:00+09:00'], slackEnv);
    expect(second.stdout).toContain('the daily digest of Tokyo for 2026-11-24 was already sent');
    expect(slack.accepted('chat.postMessage').filter((c) => c.body.channel === 'CTOKYO1')).toHaveLength(1);
  });

  it('says a holiday is not a workday and sends nothing unless forced', async () => {
    const out = await cli(['digest', 'daily', '--at', '2026-11-23T09:05:00+09:00', '--dry-run'], env);
    expect(out.stderr).toContain('2026-11-23 is not a workday for Tokyo (Labor Thanksgiving Day, 勤労感謝の日): nothing sent');
    expect(out.stdout).toBe('');
    const forced = await cli(['digest', 'daily', '--at', '2026-11-23T09:05:00+09:00', '--dry-run', '--force'], env);
    expect(forced.stdout).toContain('#CTOKYO1');
  });

  it('the weekly review goes on the first workday of the week: Tuesday after the holiday Monday', async () => {
    const monday = await cli(['digest', 'weekly', '--at', '2026-11-23T09:05:00+09:00', '--dry-run'], env);
    expect(monday.stderr).toContain('not the weekly review day of Tokyo (that week it is 2026-11-24)');
    const tuesday = await cli(['digest', 'weekly', '--at', '2026-11-24T09:05:00+09:00', '--dry-run'], env);
    expect(tuesday.stdout).toContain('Weekly review · Tokyo · Mon 16 Nov – Sun 22 Nov');
  });

  it('needs Slack variables to post, but not for a dry run, and refuses a bad --at', async () => {
    const out = await cli(['digest', 'daily'], env);
    expect(out.stderr).toContain('SLACK_BOT_TOKEN is missing');
    const bad = await cli(['digest', 'daily', '--at', 'tomorrow', '--dry-run'], env);
    expect(bad.stderr).toContain('--at must be an ISO-8601 time');
  });
});

describe('kpi-bot demo', () => {
  it('prints the daily digest, a personal DM, the weekly review and the month’s review and kickoff, in each language, with no setup', async () => {
    for (const [lang, marks] of [
      ['en', ['Daily digest (team channel)', 'Morning DM', 'Weekly review (team channel)', 'Today’s focus', '🗓️ Month-end review · Demo Sales · ', '🚀 Kickoff · Demo Sales · ']],
      ['ja', ['デイリーダイジェスト', '朝のDM', '週次レビュー', '今日のフォーカス', '🗓️ 月次レビュー・', '🚀 キックオフ・']],
    ] as const) {
      const out = await cli(['demo', '--lang', lang], {});
      expect(out.code).toBe(0);
      for (const mark of marks) expect(out.stdout).toContain(mark);
      expect(out.stdout).not.toMatch(/<@U|<#C/u);
      // The sample history feeds every target the demo team has: none is shown without a value.
      expect(out.stdout).not.toMatch(/ – \/ /u);
    }
  });

  it('shows the morning of the day --at names, in the language --lang names', async () => {
    const monday = await cli(['demo', '--lang', 'en', '--at', '2026-11-30T08:00:00+09:00'], {});
    expect(monday.code).toBe(0);
    expect(monday.stdout).toContain('Demo Sales · Mon 30 Nov');
    const ja = await cli(['demo', '--lang', 'ja', '--at', '2027-01-12T08:00:00+09:00'], {});
    expect(ja.stdout).toContain('1月12日(火)');
    const bad = await cli(['demo', '--at', 'next monday'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--at must be an ISO-8601 time');
    expect(bad.stderr).toContain('Usage: kpi-bot demo [--lang en|ja] [--at ISO-8601]');
  });
});

describe('kpi-bot <command> --help', () => {
  it.each(['start', 'migrate', 'check', 'export', 'import', 'digest', 'oneonone', 'demo'])('prints the usage of %s alone and exits 0, without touching a database', async (command) => {
    for (const asked of [[command, '--help'], [command, '-h'], ['help', command]]) {
      const out = await cli(asked, { KPI_DB_PATH: '/nonexistent/dir/kpi.sqlite' });
      expect(out).toMatchObject({ code: 0, stderr: '' });
      expect(out.stdout).toMatch(new RegExp(`^Usage: kpi-bot ${command}`, 'u'));
      expect(out.stdout).not.toContain('Commands:');
    }
  });

  it('names an unknown option in plain words and shows that command’s usage', async () => {
    const out = await cli(['digest', 'daily', '--bogus'], {});
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^kpi-bot: unknown option “--bogus”\n\nUsage: kpi-bot digest <daily\|weekly>/u);
    const nothing = await cli(['help', 'frobnicate'], {});
    expect(nothing).toMatchObject({ code: 2, stderr: expect.stringContaining('there is no command “frobnicate”') });
  });
});
