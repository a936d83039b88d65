import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { Store } from '../../src/store/index.js';

describe('delivery claims', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(async () => {
    dir = tempDir();
    store = await Store.open(`${dir.path}/kpi.sqlite`);
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  const key = { workspace: 'T1', kpiTeam: null, subject: 'U1', kind: 'dm' as const, periodKey: '2026-11-24' };
  const slot = new Date('2026-11-24T00:00:00Z');

  it('returns each claim exactly as the database then holds it, first and on a retry', async () => {
    const first = await store.deliveries.claim(key, slot, new Date('2026-11-24T00:00:05Z'), 'A');
    expect(first).toEqual(await store.deliveries.find(key));
    expect(first).toMatchObject({ status: 'claimed', attempts: 1, claimedBy: 'A', nextTryAt: null });
    expect(await store.deliveries.claim(key, slot, new Date('2026-11-24T00:00:06Z'), 'B')).toBeNull();

    await store.deliveries.markRetry(first!.id, 'Slack answered 500', new Date('2026-11-24T00:05:05Z'));
    expect(await store.deliveries.claim(key, slot, new Date('2026-11-24T00:01:00Z'), 'B')).toBeNull();
    const again = await store.deliveries.claim(key, slot, new Date('2026-11-24T00:06:00Z'), 'B');
    expect(again).toEqual(await store.deliveries.find(key));
    expect(again).toMatchObject({ status: 'claimed', attempts: 2, claimedBy: 'B', reason: 'Slack answered 500' });
  });
});
