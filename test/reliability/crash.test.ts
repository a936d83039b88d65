import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, tempDir } from '../harness/bot.js';
import { dbFacts } from '../harness/db-facts.js';
import { FakeSlack, type RecordedCall } from '../harness/fake-slack.js';
import { exited, freePort, runCli, spawnCli, waitForHttp } from '../harness/process.js';
import { REPS, seedTokyo } from '../harness/sample-team.js';
import { postSigned, SIGNING_SECRET, slashCommandBody } from '../harness/signing.js';
import { Store } from '../../src/store/index.js';

/** Tuesday 24 November 2026, 09:05 in Tokyo: the daily digest and the morning DMs are due. */
const AT = '2026-11-24T09:05:00+09:00';
const DAY = '2026-11-24';

/** Accepted posts per channel and first line: a message posted twice shows up as a count of 2. */
function postsByMessage(calls: readonly RecordedCall[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of calls) {
    const key = `${String(c.body.channel)} ${String(c.body.text).split('\n')[0]}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

describe('a bot killed with SIGKILL', () => {
  let dir: ReturnType<typeof tempDir>;
  let slack: FakeSlack;
  let env: Record<string, string>;
  let path: string;
  beforeEach(async () => {
    dir = tempDir();
    slack = await new FakeSlack().start();
    path = `${dir.path}/kpi.sqlite`;
    env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, KPI_DB_PATH: path, LOG_LEVEL: 'error', KPI_LOCALE: 'en' };
  });
  afterEach(async () => {
    await slack.stop();
    dir.remove();
  });

  it('in the middle of 200 concurrent logs loses no acknowledged log, and Slack’s retries of all 200 after the restart store each exactly once', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/slack/events`;
    const withPort = { ...env, PORT: String(port) };
    const bodies = Array.from({ length: 200 }, (_, i) => slashCommandBody({ text: `log calls ${i + 1}`, userId: `U${100 + (i % 25)}`, triggerId: `crash-${i}` }));

    const bot = spawnCli(['start'], withPort);
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    const acked = new Set<number>();
    let answered = 0;
    await Promise.all(
      bodies.map(async (body, i) => {
        try {
          const res = await postSigned(url, body);
          if (res.status === 200 && (await res.text()).includes('Logged')) acked.add(i);
        } catch {
          // killed before answering: not acknowledged, so Slack would retry it
        } finally {
          answered += 1;
          if (answered === 40) bot.kill('SIGKILL');
        }
      }),
    );
    expect(await exited(bot)).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(30);
    expect(acked.size).toBeLessThan(200);

    const again = spawnCli(['start'], withPort);
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    const retried = await Promise.all(bodies.map(async (body) => (await postSigned(url, body)).text()));
    retried.forEach((text, i) => {
      if (acked.has(i)) expect(text, `crash-${i} was acknowledged before the kill`).toContain('already stored');
      else expect(text).toMatch(/Logged|already stored/u);
    });
    again.kill('SIGTERM');
    expect(await exited(again)).toBe(0);

    const facts = await dbFacts(path);
    expect(facts.maxPerRequestKey).toBe(1);
    expect(facts.logs.size).toBe(200);
    for (const [key, log] of facts.logs) expect(log.entries).toEqual([{ metric: 'calls', value: Number(key.replace('crash-', '')) + 1 }]);
    expect(facts.logsWithoutEntries).toBe(0);
    expect(facts.totalsOutOfStep).toBe(0);
    expect(facts.integrity).toBe('ok');
  }, 60_000);

  it.each([
    ['Slack never took the interrupted post: it is sent after the lease', { hang: true } as const, false],
    ['Slack took the interrupted post without answering: it is found, not posted again', { takeThenHang: true } as const, true],
  ])('in the middle of a digest run posts nothing twice after a restart: %s', async (_name, failure, taken) => {
    const store = await Store.open(path);
    const team = await seedTokyo(store);
    const more = ['UREP0004', 'UREP0005', 'UREP0006', 'UREP0007', 'UREP0008'];
    await store.teams.addMembers(team, more, 'rep', new Date('2026-11-01T00:00:00Z'));
    await store.close();
    const messages = 1 + 1 + REPS.length + more.length; // the digest, the manager's and each rep's morning DM
    // Slack's clock is the morning of the run, as the bot's is.
    slack.clock = () => new Date(AT).getTime();

    // Slack takes four posts, then never answers the fifth: the process is killed while it waits.
    slack.failAfter('chat.postMessage', 4, failure);
    const first = spawnCli(['digest', 'daily', '--at', AT], env);
    await slack.waitFor('chat.postMessage', () => slack.callsTo('chat.postMessage').length === 5, 20_000);
    first.kill('SIGKILL');
    expect(await exited(first)).toBe('SIGKILL');

    const restarted = await runCli(['digest', 'daily', '--at', AT], env);
    expect(restarted.code).toBe(0);
    expect(restarted.stdout.match(/was already claimed; not sent again/gu)).toHaveLength(1);
    expect(restarted.stdout.match(/: sent/gu)).toHaveLength(messages - 5);
    const interrupted = slack.callsTo('chat.postMessage')[4]!;

    // Past the claim's lease, the scheduler asks Slack for the interrupted message before sending it again.
    const later = new Date(new Date(AT).getTime() + 20 * 60_000);
    const t = await startTestBot({ dbPath: path, slack, clock: () => later });
    try {
      const outcomes = await t.bot.scheduler.tick(later);
      // The interrupted message, and this morning's weekly review, which was not part of the run.
      expect(outcomes.map((o) => [o.key.kind, o.result])).toEqual(expect.arrayContaining([['weekly', 'sent']]));
      expect(outcomes.filter((o) => o.key.kind !== 'weekly').map((o) => o.result)).toEqual(['sent']);
      const today = (await t.bot.store.deliveries.list({ periodKey: DAY })).filter((d) => d.kind === 'daily' || d.kind === 'dm');
      expect(today).toHaveLength(messages);
      expect(today.filter((d) => d.status === 'sent')).toHaveLength(messages);
      expect(t.slack.callsTo('conversations.history')).toHaveLength(1);
    } finally {
      await t.stop();
    }
    const accepted = slack.accepted('chat.postMessage');
    expect(accepted.includes(interrupted)).toBe(taken);
    for (const [message, count] of postsByMessage(accepted)) expect(count, message).toBe(1);
    expect(accepted.filter((c) => String(c.body.channel).startsWith('D'))).toHaveLength(messages - 1);
    expect(accepted).toHaveLength(messages + 1);
  }, 60_000);
});
