import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';
import { runCli, type CliIo } from '../../src/cli/index.js';
import { Store } from '../../src/store/index.js';

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, clock: () => new Date('2026-11-24T00:00:00Z') };
  return { code: await runCli(args, io), stdout, stderr };
}

describe('kpi-bot oneonone', () => {
  let dir: ReturnType<typeof tempDir>;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = tempDir();
    env = { KPI_DB_PATH: `${dir.path}/kpi.sqlite`, LOG_LEVEL: 'error' };
  });
  afterEach(() => dir.remove());

  async function seed(locale: 'en' | 'ja') {
    const store = await Store.open(env.KPI_DB_PATH!);
    await seedTokyo(store, locale);
    await store.oneonones.savePlan('T0001', REPS[1]!, locale === 'ja' ? '毎日新規リード10件' : '10 new leads a day', MANAGER, new Date('2026-11-10T00:00:00Z'), '2026-11-10' as never, null);
    await store.close();
  }

  it('--dry-run prints the prep for the manager in English', async () => {
    await seed('en');
    const out = await cli(['oneonone', '--rep', REPS[1]!, '--at', '2026-11-24T10:00:00+09:00', '--dry-run'], env);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`──── DM to ${MANAGER} ────`);
    expect(out.stdout).toContain(`1on1 prep: <@${REPS[1]}> · Tue 24 Nov`);
    expect(out.stdout).toContain('What went well');
    expect(out.stdout).toContain('Tried a new approach: “tried a shorter opener”');
    expect(out.stdout).toContain('Agreed Tue 10 Nov: “10 new leads a day”');
  });

  it('--dry-run prints the prep in Japanese for a Japanese team', async () => {
    await seed('ja');
    const out = await cli(['oneonone', '--rep', REPS[1]!, '--at', '2026-11-24T10:00:00+09:00', '--dry-run'], env);
    expect(out.stdout).toContain(`1on1準備: <@${REPS[1]}> さん・11月24日(火)`);
    expect(out.stdout).toContain('よかったこと');
    expect(out.stdout).toContain('最初に聞いてみたい質問');
    expect(out.stdout).toContain('11月10日(火)に合意:「毎日新規リード10件」');
  });

  it('--format json addresses the prep to the manager’s user ID, and without --dry-run sends it', async () => {
    await seed('en');
    const json = await cli(['oneonone', '--rep', REPS[1]!, '--dry-run', '--format', 'json'], env);
    expect((JSON.parse(json.stdout) as { channel: string }[])[0]!.channel).toBe(MANAGER);
    const slack = await new FakeSlack().start();
    try {
      const sent = await cli(['oneonone', '--rep', REPS[1]!], { ...env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'abc123', SLACK_API_URL: slack.url });
      expect(sent.stdout).toContain(`Sent the 1on1 prep to ${MANAGER}`);
      expect(slack.accepted('conversations.open').map((c) => c.body.users)).toEqual([MANAGER]);
    } finally {
      await slack.stop();
    }
  });

  it('says what is wrong with --rep', async () => {
    await seed('en');
    expect((await cli(['oneonone', '--dry-run'], env)).stderr).toContain('needs --rep');
    expect((await cli(['oneonone', '--rep', 'UNOBODY1', '--dry-run'], env)).stderr).toContain('UNOBODY1 has no history');
  });
});
