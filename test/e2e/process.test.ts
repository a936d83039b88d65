import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { freePort, runCli, spawnCli, waitForHttp } from '../harness/process.js';
import { postSigned, SIGNING_SECRET, slashCommandBody } from '../harness/signing.js';
import { Store } from '../../src/store/index.js';

describe('the kpi-bot process', () => {
  let dir: ReturnType<typeof tempDir>;
  let slack: FakeSlack;
  beforeEach(async () => {
    dir = tempDir();
    slack = await new FakeSlack().start();
  });
  afterEach(async () => {
    await slack.stop();
    dir.remove();
  });

  it('stops with one line naming a missing variable', async () => {
    const noToken = await runCli(['start'], { KPI_DB_PATH: `${dir.path}/kpi.sqlite` });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr.trim().split('\n')).toHaveLength(1);
    expect(noToken.stderr).toContain('SLACK_BOT_TOKEN is missing');
    const noSecret = await runCli(['start'], { SLACK_BOT_TOKEN: 'xoxb-1', KPI_DB_PATH: `${dir.path}/kpi.sqlite` });
    expect(noSecret.stderr.trim().split('\n')).toHaveLength(1);
    expect(noSecret.stderr).toContain('SLACK_SIGNING_SECRET is missing');
  });

  it('stops with one line saying Slack cannot be reached when the Web API does not answer', async () => {
    const closed = await freePort();
    const out = await runCli(['start'], {
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      PORT: String(await freePort()),
      KPI_DB_PATH: `${dir.path}/kpi.sqlite`,
      LOG_LEVEL: 'error',
    });
    expect(out.code).toBe(1);
    expect(out.stderr.trim().split('\n')).toEqual([`kpi-bot: could not reach Slack's Web API at http://127.0.0.1:${closed}/api/ (fetch failed): check the network or proxy, or SLACK_API_URL.`]);
  });

  it('keeps every acknowledged log through a SIGKILL in the middle of 200 concurrent logs, none twice', async () => {
    const port = await freePort();
    const path = `${dir.path}/kpi.sqlite`;
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: String(port),
      KPI_DB_PATH: path,
      LOG_LEVEL: 'error',
      // English even when a loaded machine answers users.info too late for the first reply.
      KPI_LOCALE: 'en',
    };
    const bot = spawnCli(['start'], env);
    const exited = new Promise((resolve) => bot.once('exit', resolve));
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);

    const acked = new Set<string>();
    const otherAnswers: string[] = [];
    let answered = 0;
    const requests = Array.from({ length: 200 }, async (_, i) => {
      const trigger = `crash-${i}`;
      const body = slashCommandBody({ text: `log calls ${i + 1}`, userId: `U${100 + (i % 25)}`, triggerId: trigger });
      try {
        const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, body);
        const text = await res.text();
        // "Logged" and not the metric's name: the reply to `log calls 1` says "1 call".
        if (res.status === 200 && text.includes('Logged')) acked.add(trigger);
        else otherAnswers.push(`${res.status} ${text.slice(0, 200)}`);
      } catch {
        // the process died before answering: not acknowledged
      } finally {
        answered += 1;
        if (answered === 40) bot.kill('SIGKILL');
      }
    });
    await Promise.all(requests);
    await exited;
    expect(otherAnswers).toEqual([]);
    expect(acked.size).toBeGreaterThanOrEqual(40);
    expect(acked.size).toBeLessThan(200);

    // Restart on the same file: the bot comes back healthy.
    const again = spawnCli(['start'], env);
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    again.kill('SIGTERM');
    await new Promise((resolve) => again.once('exit', resolve));

    const store = await Store.open(path);
    const rows = await store.write((tx) =>
      tx.all<{ request_key: string; value: number; n: number }>(
        `SELECT c.request_key, e.value, count(*) OVER (PARTITION BY c.request_key) AS n
         FROM log_commands c JOIN entries e ON e.command_id = c.id WHERE e.undone_at IS NULL`,
      ),
    );
    const stored = new Map(rows.map((r) => [r.request_key, r]));
    for (const trigger of acked) expect(stored.has(trigger), `${trigger} was acknowledged but is missing`).toBe(true);
    for (const r of rows) {
      expect(r.n).toBe(1);
      expect(r.value).toBe(Number(r.request_key.replace('crash-', '')) + 1);
    }
    const consistency = await store.write((tx) =>
      tx.get<{ e: number; t: number; ok: string }>(
        `SELECT (SELECT coalesce(sum(value), 0) FROM entries WHERE undone_at IS NULL) AS e,
                (SELECT coalesce(sum(total), 0) FROM daily_totals) AS t,
                (SELECT integrity_check FROM pragma_integrity_check) AS ok`,
      ),
    );
    expect(consistency).toEqual({ e: expect.any(Number), t: consistency!.e, ok: 'ok' });
    await store.close();
  }, 60_000);
});
