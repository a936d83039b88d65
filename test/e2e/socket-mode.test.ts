import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, tempDir, type TestBot } from '../harness/bot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { appHomeOpened, blockAction } from '../harness/payloads.js';
import { freePort, runCli } from '../harness/process.js';
import { eventCallbackBody, slashCommandBody } from '../harness/signing.js';

/** Friday 2026-11-20, 12:00 in Tokyo. */
const NOW = new Date('2026-11-20T03:00:00Z');

/** A slash command as Socket Mode carries it: the same fields as the HTTP form, as JSON. */
const slashCommand = (text: string, userId = 'U0001') => Object.fromEntries(new URLSearchParams(slashCommandBody({ text, userId })));

describe('Socket Mode (SLACK_APP_TOKEN set): no public URL, the same bot', () => {
  let t: TestBot;
  beforeEach(async () => {
    const slack = await new FakeSlack().start();
    t = await startTestBot({ slack, clock: () => NOW, env: { SLACK_APP_TOKEN: slack.appToken, KPI_LOCALE: 'en' } });
  });
  afterEach(async () => {
    await t.stop();
    await t.slack.stop();
  });

  it('opens the connection through SLACK_API_URL with the app-level token and answers /kpi log in the acknowledgement', async () => {
    expect(t.bot.mode).toBe('socket');
    expect(t.slack.accepted('apps.connections.open')).toHaveLength(1);
    expect(t.slack.socketConnections).toBe(1);

    const ack = await t.slack.sendEnvelope('slash_commands', slashCommand('log calls 30 meetings 2'));
    expect(ack).toMatchObject({ response_type: 'ephemeral' });
    expect(String(ack!.text)).toContain('Logged for today (Fri 20 Nov): 30 calls · 2 meetings');
    const stored = await t.bot.store.activity.entriesOf('T0001', 'U0001');
    expect(stored.map(({ metric, value, day }) => ({ metric, value, day })).sort((a, b) => a.metric.localeCompare(b.metric))).toEqual([
      { metric: 'calls', value: 30, day: '2026-11-20' },
      { metric: 'meetings', value: 2, day: '2026-11-20' },
    ]);

    // A typo stores nothing and says what was meant, as over HTTP.
    const typo = await t.slack.sendEnvelope('slash_commands', slashCommand('log cals 5'));
    expect(String(typo!.text)).toContain('calls');
    expect(await t.bot.store.activity.entriesOf('T0001', 'U0001')).toHaveLength(2);
  });

  it('serves events and clicks over the socket too: the Home is published, the log form opens', async () => {
    await t.slack.sendEnvelope('events_api', JSON.parse(eventCallbackBody(appHomeOpened('U0001'))) as Record<string, unknown>);
    const home = await t.slack.waitFor('views.publish', (c) => c.body.user_id === 'U0001');
    expect(JSON.stringify(home.body.view)).toContain('kpi_open_log');

    await t.slack.sendEnvelope('interactive', blockAction('kpi_open_log', { userId: 'U0001', triggerId: 'socket-trigger' }));
    const form = await t.slack.waitFor('views.open', (c) => c.body.trigger_id === 'socket-trigger');
    expect((form.body.view as { callback_id: string }).callback_id).toBe('kpi_log');
  });

  it('acknowledges a payload that does not say who sent it, without acting on it (Slack would send it again otherwise)', async () => {
    const click = blockAction('kpi_open_log', { userId: 'U0001', triggerId: 'socket-anonymous' }) as Record<string, Record<string, unknown>>;
    delete click.team;
    delete click.user!.team_id;
    // Acknowledged, with nothing to show.
    expect((await t.slack.sendEnvelope('interactive', click, 2000)) ?? {}).toEqual({});
    const command = slashCommand('log calls 5');
    delete command.team_id;
    expect((await t.slack.sendEnvelope('slash_commands', command, 2000)) ?? {}).toEqual({});
    expect(t.slack.callsTo('views.open')).toHaveLength(0);
    expect(await t.bot.store.activity.entriesOf('T0001', 'U0001')).toEqual([]);
  });

  it('reconnects when Slack refreshes the connection, and goes on answering', async () => {
    t.slack.askToReconnect();
    await t.slack.waitFor('apps.connections.open', () => t.slack.callsTo('apps.connections.open').length === 2, 15_000);
    for (let i = 0; i < 100 && t.slack.socketConnections !== 1; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(t.slack.socketConnections).toBe(1);
    const ack = await t.slack.sendEnvelope('slash_commands', slashCommand('log calls 12'));
    expect(String(ack!.text)).toContain('12 calls');
  }, 20_000);

  it('answers GET /healthz on PORT, and stopping closes the socket and the port', async () => {
    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect((await fetch(`${t.baseUrl}/slack/events`, { method: 'POST' })).status).toBe(404);

    await t.bot.stop();
    await expect(fetch(`${t.baseUrl}/healthz`)).rejects.toThrow();
    for (let i = 0; i < 50 && t.slack.socketConnections > 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(t.slack.socketConnections).toBe(0);
  });
});

describe('a Socket Mode start Slack never completes', () => {
  it('fails after its deadline with the reason, and closes its health port', async () => {
    const slack = await new FakeSlack().start();
    const dir = tempDir();
    const port = await freePort();
    slack.failNext('apps.connections.open', { hang: true });
    try {
      const started = Date.now();
      await expect(
        startTestBot({ slack, dbPath: `${dir.path}/kpi.sqlite`, env: { SLACK_APP_TOKEN: slack.appToken, PORT: String(port) }, socketStartMs: 500 }),
      ).rejects.toThrow('Socket Mode could not connect: Slack did not open a connection within 0.5 s');
      // Its own deadline, far under the default 30 s.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
      expect(slack.socketConnections).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      await slack.stop();
      dir.remove();
    }
  });
});

describe('kpi-bot start in Socket Mode', () => {
  let slack: FakeSlack;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    slack = await new FakeSlack().start();
    dir = tempDir();
  });
  afterEach(async () => {
    await slack.stop();
    dir.remove();
  });

  // invalid_auth the Socket Mode client gives up on; token_revoked it would retry forever: both stop
  // the start at once.
  it.each([
    ['a wrong token', 'invalid_auth'],
    ['a revoked token', 'token_revoked'],
  ])('stops with a last line naming SLACK_APP_TOKEN when Slack refuses %s (%s), and no stack trace', async (_, error) => {
    const appToken = error === 'invalid_auth' ? 'xapp-not-this-one' : slack.appToken;
    slack.appTokenRevoked = error === 'token_revoked';
    const out = await runCli(['start'], {
      // No signing secret: Socket Mode needs none.
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: appToken,
      SLACK_API_URL: slack.url,
      PORT: String(await freePort()),
      KPI_DB_PATH: `${dir.path}/kpi.sqlite`,
      LOG_LEVEL: 'error',
    });
    expect(out.code).toBe(1);
    // Before it, the Socket Mode client's own log line of the refusal.
    const lines = out.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe(
      `kpi-bot: Slack refused SLACK_APP_TOKEN (${error}): generate an app-level token (xapp-…) with the connections:write scope on your app's Basic Information page, or leave SLACK_APP_TOKEN unset for HTTP mode.`,
    );
    expect(lines.length).toBeLessThanOrEqual(2);
    // One call: the start ended on the refusal, not after the client's retries (5 s, 10 s, … for ever).
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
  });

  it('stops with one line when PORT (for /healthz) is taken, before connecting', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const out = await runCli(['start'], {
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: slack.appToken,
        SLACK_API_URL: slack.url,
        PORT: String(port),
        KPI_DB_PATH: `${dir.path}/kpi.sqlite`,
        LOG_LEVEL: 'error',
      });
      expect(out.code).toBe(1);
      expect(out.stderr.trim().split('\n')).toEqual([`kpi-bot: PORT ${port} is already in use: stop the other program or set PORT to a free port.`]);
      expect(slack.callsTo('apps.connections.open')).toHaveLength(0);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
