/**
 * A PostgreSQL server that goes away under the bot and comes back: /healthz answers 503 and people
 * are told nothing was stored while it is away, and the bot recovers by itself once it is back (the
 * pool opens new connections), with no restart. The server here is the test's own, so stopping it
 * disturbs no other test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../harness/bot.js';
import { freshPgUrl } from '../harness/backends.js';
import { startPgServer, type PgServer } from '../harness/pg-server.js';
import { Store } from '../../src/store/index.js';

async function healthStatus(baseUrl: string): Promise<number> {
  return (await fetch(`${baseUrl}/healthz`)).status;
}

async function waitForStatus(baseUrl: string, status: number, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await healthStatus(baseUrl);
    if (now === status || Date.now() > deadline) return now;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a bot on PostgreSQL whose server stops and starts again', () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPgServer();
  });
  afterAll(async () => {
    await server.remove();
  });

  it('answers 503 and a clear reply while the server is away, and recovers by itself when it is back', async () => {
    const url = await freshPgUrl(server.url);
    const t = await startTestBot({ dbPath: url, env: { KPI_LOCALE: 'en' } });
    try {
      expect(t.bot.store.dialect).toBe('postgres');
      expect((await t.reply('log calls 5', { triggerId: 'before' })).text).toContain('Logged');
      expect(await healthStatus(t.baseUrl)).toBe(200);

      await server.stop();
      expect(await waitForStatus(t.baseUrl, 503)).toBe(503);
      const during = await t.reply('log calls 6', { triggerId: 'during' });
      expect(during.status).toBe(200);
      expect(during.text).toContain('The KPI database is not available right now, so nothing was stored.');

      await server.restart();
      expect(await waitForStatus(t.baseUrl, 200)).toBe(200);
      expect((await t.reply('log calls 7', { triggerId: 'after' })).text).toContain('Logged');
      // Slack sends the refused command again: now it is stored, once.
      expect((await t.reply('log calls 6', { triggerId: 'during' })).text).toContain('Logged');
    } finally {
      await t.stop();
    }
    const store = await Store.open(url, { migrate: false });
    try {
      const rows = await store.write((tx) => tx.all<{ request_key: string; value: number }>('SELECT c.request_key, e.value FROM log_commands c JOIN entries e ON e.command_id = c.id ORDER BY e.id'));
      expect(rows).toEqual([
        { request_key: 'before', value: 5 },
        { request_key: 'after', value: 7 },
        { request_key: 'during', value: 6 },
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
