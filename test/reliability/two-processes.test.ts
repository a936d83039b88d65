/**
 * Two real `kpi-bot start` processes on one PostgreSQL database, behind what would be a load
 * balancer: 200 `/kpi log` requests shared between them (up to 125 at once), one of them killed
 * with SIGKILL part way. Every log either instance acknowledged is stored, once; after the killed one is back,
 * Slack's retries of all 200 (to either instance) store each exactly once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshPgUrl } from '../harness/backends.js';
import { dbFacts } from '../harness/db-facts.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { exited, freePort, spawnCli, waitForHttp } from '../harness/process.js';
import { postSigned, SIGNING_SECRET, slashCommandBody } from '../harness/signing.js';

describe('two bot processes on one PostgreSQL database', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await new FakeSlack().start();
  });
  afterEach(async () => {
    await slack.stop();
  });

  it('lose no acknowledged log when one is killed in the middle of 200 concurrent logs, and store each of Slack’s retries once', async () => {
    const url = await freshPgUrl();
    const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, DATABASE_URL: url, LOG_LEVEL: 'error', KPI_LOCALE: 'en' };
    const ports = [await freePort(), await freePort()] as const;
    const events = (i: number) => `http://127.0.0.1:${ports[i % 2]}/slack/events`;
    // Both start together: the migrations run once, under the advisory lock.
    let a = spawnCli(['start'], { ...env, PORT: String(ports[0]) });
    const b = spawnCli(['start'], { ...env, PORT: String(ports[1]) });
    await Promise.all(ports.map((p) => waitForHttp(`http://127.0.0.1:${p}/healthz`, 30_000)));

    // Each request's late answer (after "Working on it" on a loaded machine) goes to its own response_url.
    const bodies = Array.from({ length: 200 }, (_, i) =>
      slashCommandBody({ text: `log calls ${i + 1}`, userId: `U${100 + (i % 25)}`, triggerId: `two-${i}`, responseUrl: slack.responseUrl(`two-${i}`) }),
    );
    const LATER = 'Working on it';
    /**
     * The answer the person sees: the acknowledgement's, or when that said "working on it" (a loaded
     * machine), the receipt posted to the response_url after the commit; none when it never came.
     */
    const answerOf = async (i: number, text: string, since: number, waitMs = 20_000) => {
      if (!text.includes(LATER)) return text;
      try {
        return String((await slack.waitFor('response_url', (c) => c.path === `/respond/two-${i}` && c.at >= since, waitMs)).body.text);
      } catch {
        return '';
      }
    };
    const acked = new Set<number>();
    const otherAnswers: string[] = [];
    let answeredByA = 0;
    const started = Date.now();
    /** One request, to the instance its index names; a request the killed instance never answered is not acknowledged. */
    const send = async (i: number) => {
      let first: string;
      try {
        const res = await postSigned(events(i), bodies[i]!);
        first = res.status === 200 ? await res.text() : `${res.status}`;
      } catch {
        // the instance was killed before answering: not acknowledged, so Slack would retry it
        return;
      } finally {
        // The first instance is killed once it has answered 40, while 10 more of its requests are in flight and 50 not yet sent.
        if (i % 2 === 0 && ++answeredByA === 40) a.kill('SIGKILL');
      }
      const text = await answerOf(i, first, started, 15_000);
      if (text.includes('Logged')) acked.add(i);
      else if (text !== '') otherAnswers.push(text.slice(0, 200));
    };
    const even = Array.from({ length: 100 }, (_, k) => 2 * k);
    await Promise.all([
      // The second instance takes its 100 all at once…
      ...even.map((i) => send(i + 1)),
      // …the first its 100 in waves of 25, so the kill always lands with work in flight and work to come.
      (async () => {
        for (let w = 0; w < even.length; w += 25) await Promise.all(even.slice(w, w + 25).map(send));
      })(),
    ]);
    expect(await exited(a)).toBe('SIGKILL');
    expect(otherAnswers).toEqual([]);
    // The kill interrupted the first instance: of its 100 requests, at most the 50 sent before it were acknowledged.
    expect(even.filter((i) => acked.has(i)).length).toBeLessThanOrEqual(50);
    // The instance that stayed up acknowledged every request sent to it.
    for (let i = 1; i < 200; i += 2) expect(acked.has(i), `two-${i} went to the instance that stayed up`).toBe(true);

    a = spawnCli(['start'], { ...env, PORT: String(ports[0]) });
    await waitForHttp(`http://127.0.0.1:${ports[0]}/healthz`, 30_000);
    // Slack retries every request, this time to the other instance than before, 20 at a time.
    const retried: string[] = [];
    for (let start = 0; start < bodies.length; start += 20) {
      const since = Date.now();
      const batch = bodies.slice(start, start + 20).map(async (body, k) => answerOf(start + k, await (await postSigned(events(start + k + 1), body)).text(), since));
      retried.push(...(await Promise.all(batch)));
    }
    retried.forEach((text, i) => {
      if (acked.has(i)) expect(text, `two-${i} was acknowledged before the kill`).toContain('already stored');
      else expect(text).toMatch(/Logged|already stored/u);
    });
    a.kill('SIGTERM');
    b.kill('SIGTERM');
    expect([await exited(a), await exited(b)]).toEqual([0, 0]);

    const facts = await dbFacts(url);
    expect(facts.maxPerRequestKey).toBe(1);
    expect(facts.logs.size).toBe(200);
    for (const [key, log] of facts.logs) expect(log.entries).toEqual([{ metric: 'calls', value: Number(key.replace('two-', '')) + 1 }]);
    expect(facts.logsWithoutEntries).toBe(0);
    expect(facts.totalsOutOfStep).toBe(0);
  }, 120_000);
});
