import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { dayInZone } from '../../src/domain/days.js';

describe('/kpi log through the real Bolt receiver', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('stores calls 30 and answers well inside Slack’s 3 seconds', async () => {
    const started = Date.now();
    const reply = await t.reply('log calls 30');
    const elapsed = Date.now() - started;
    expect(reply.status).toBe(200);
    expect(elapsed).toBeLessThan(3000);
    expect(reply.text).toContain('30 calls');
    const today = dayInZone(new Date(), 'Asia/Tokyo');
    expect(await t.bot.store.activity.dayTotals('T0001', 'U0001', today)).toEqual({ calls: 30 });
  });
});
