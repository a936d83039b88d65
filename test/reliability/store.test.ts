import { describe, expect, it } from 'vitest';
import { BACKENDS, locationEach } from '../harness/backends.js';
import { Store } from '../../src/store/index.js';
import { day } from '../../src/domain/days.js';

/** Settles with the outcome of `work`, or 'hung' when it has not settled within `ms`. */
function settledWithin<T>(work: Promise<T>, ms = 5000): Promise<PromiseSettledResult<T> | 'hung'> {
  return Promise.race([
    work.then(
      (value) => ({ status: 'fulfilled' as const, value }),
      (reason: unknown) => ({ status: 'rejected' as const, reason }),
    ),
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), ms).unref()),
  ]);
}

/** What a call gets once the store is closed, per engine: an outage, never a crash or a hang. */
const CLOSED = { sqlite: { code: 'SQLITE_MISUSE', says: 'SQLITE_MISUSE' }, postgres: { code: 'STORE_UNAVAILABLE', says: 'closed' } } as const;

/** A write the engine refused for want of space, as each reports it. */
const DISK_FULL = {
  sqlite: () => Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' }),
  postgres: () => Object.assign(new Error('could not extend file: No space left on device'), { code: '53100', severity: 'ERROR' }),
} as const;

describe.each(BACKENDS)('the store on %s under faults', (backend) => {
  const where = locationEach(backend);
  const db = {
    get path() {
      return where.location;
    },
  };

  it('closed while reads and writes are under way, settles every one of them (done, or refused as closed) and never takes the process down', async () => {
    const store = await Store.open(db.path);
    await store.people.get('T1', 'U1');
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i += 1) {
      calls.push(store.people.get('T1', `U${i}`), store.people.setMorningDm('T1', `U${i}`, i % 2 === 0, new Date()), store.totals.dayTotals('T1', `U${i}`, day('2026-11-20')));
    }
    const closing = store.close();
    calls.push(store.people.get('T1', 'U1'), store.people.workspaces(), store.people.setMorningDm('T1', 'U1', true, new Date()), store.healthy(new Date()));
    const outcomes = await Promise.all(calls.map((c) => settledWithin(c)));
    expect(outcomes.filter((o) => o === 'hung')).toEqual([]);
    for (const o of outcomes) {
      if (o !== 'hung' && o.status === 'rejected') expect(String((o.reason as Error).message)).toContain(CLOSED[backend].says);
    }
    expect(await settledWithin(closing)).toEqual({ status: 'fulfilled', value: undefined });

    // After the close: a clear refusal, never a hang or an 'error' event nobody listens to.
    await expect(store.people.get('T1', 'U1')).rejects.toMatchObject({ code: CLOSED[backend].code });
    await expect(store.people.setMorningDm('T1', 'U1', true, new Date())).rejects.toMatchObject({ code: CLOSED[backend].code });
    await expect(store.history.export({ teamId: 'T1' }, () => undefined)).rejects.toMatchObject({ code: CLOSED[backend].code });
    expect(await store.healthy(new Date())).toBe(false);
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('in a shared commit, rolls back a failing write alone (first, middle or last of the batch) and commits the others', async () => {
    const store = await Store.open(db.path);
    try {
      const write = (id: string, fail: boolean) =>
        settledWithin(
          store.write(async (tx) => {
            await tx.run('INSERT INTO workspaces (team_id, created_at) VALUES (?, ?)', [id, '2026-11-20T00:00:00Z']);
            if (fail) throw new Error(`refused ${id}`);
            return id;
          }),
        );
      const outcomes = await Promise.all([write('TA', true), write('TB', false), write('TC', true), write('TD', false), write('TE', true)]);
      expect(outcomes.map((o) => (o === 'hung' ? o : o.status))).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
      expect(await write('TF', true)).toMatchObject({ status: 'rejected' });
      expect(await store.people.workspaces()).toEqual(['TB', 'TD']);
    } finally {
      await store.close();
    }
  });

  it('fails a write whose statement cannot be compiled on its own, every time, and commits the writes queued with it', async () => {
    const store = await Store.open(db.path);
    try {
      const bad = () => store.write((tx) => tx.run('INSERT INTO no_such_table (x) VALUES (1)'));
      const first = settledWithin(bad());
      const good = settledWithin(store.people.setMorningDm('T1', 'U1', false, new Date()));
      expect(await first).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/no such table|does not exist/u) } });
      expect(await good).toEqual({ status: 'fulfilled', value: undefined });
      expect(await settledWithin(bad())).toMatchObject({ status: 'rejected' });
      expect(await settledWithin(store.people.setMorningDm('T1', 'U2', false, new Date()))).toEqual({ status: 'fulfilled', value: undefined });
    } finally {
      await store.close();
    }
  });

  it('stays unhealthy after a write the disk could not take until a write that changes something commits again; its own probe does not clear that', async () => {
    const store = await Store.open(db.path);
    try {
      expect(await store.healthy(new Date())).toBe(true);
      // A write the engine refused for want of space, as it reports it.
      const full = DISK_FULL[backend]();
      await expect(store.write(async () => Promise.reject(full))).rejects.toBe(full);
      expect(await store.healthy(new Date())).toBe(false);
      expect(await store.healthy(new Date())).toBe(false);
      await store.write((tx) => tx.run('UPDATE people SET name = name WHERE 1 = 0'));
      expect(await store.healthy(new Date())).toBe(false);
      await store.people.setMorningDm('T1', 'U1', false, new Date());
      expect(await store.healthy(new Date())).toBe(true);
    } finally {
      await store.close();
    }
  });
});
