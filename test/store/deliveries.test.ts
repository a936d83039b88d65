import { describe, expect, it } from 'vitest';
import { backendStoreEach, BACKENDS } from '../harness/backends.js';

describe.each(BACKENDS)('delivery claims on %s', (backend) => {
  const db = backendStoreEach(backend);

  const key = { workspace: 'T1', kpiTeam: null, subject: 'U1', kind: 'dm' as const, periodKey: '2026-11-24' };
  const slot = new Date('2026-11-24T00:00:00Z');

  it('returns each claim exactly as the database then holds it, first and on a retry', async () => {
    const first = await db.store.deliveries.claim(key, slot, new Date('2026-11-24T00:00:05Z'), 'A');
    expect(first).toEqual(await db.store.deliveries.find(key));
    expect(first).toMatchObject({ status: 'claimed', attempts: 1, claimedBy: 'A', nextTryAt: null });
    expect(await db.store.deliveries.claim(key, slot, new Date('2026-11-24T00:00:06Z'), 'B')).toBeNull();

    await db.store.deliveries.markRetry(first!.id, 'Slack answered 500', new Date('2026-11-24T00:05:05Z'));
    expect(await db.store.deliveries.claim(key, slot, new Date('2026-11-24T00:01:00Z'), 'B')).toBeNull();
    const again = await db.store.deliveries.claim(key, slot, new Date('2026-11-24T00:06:00Z'), 'B');
    expect(again).toEqual(await db.store.deliveries.find(key));
    expect(again).toMatchObject({ status: 'claimed', attempts: 2, claimedBy: 'B', reason: 'Slack answered 500' });
  });
});
