import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, locationEach, rawQuery } from '../harness/backends.js';
import { day } from '../../src/domain/days.js';
import { Rejected, SchemaTooNewError, Store, type LogInput } from '../../src/store/index.js';

const D = day('2026-11-20');

function input(over: Partial<LogInput> = {}): LogInput {
  return {
    teamId: 'T1',
    userId: 'U1',
    requestKey: null,
    source: 'slash',
    text: 'log calls 5',
    day: D,
    loggedAt: new Date('2026-11-20T03:00:00Z'),
    pairs: [{ metric: 'calls', value: 5 }],
    note: null,
    ...over,
  };
}

describe.each(BACKENDS)('the store on %s', (backend) => {
  const where = locationEach(backend);
  let path: string;
  let store: Store;
  beforeEach(async () => {
    path = backend === 'sqlite' ? where.location.replace(/kpi\.sqlite$/u, 'nested/kpi.sqlite') : where.location;
    store = await Store.open(path);
  });
  afterEach(async () => {
    await store.close();
  });

  it('runs durably: SQLite creates its folder, WAL, synchronous=FULL, foreign keys on, a busy timeout and a 32 MiB reader cache; PostgreSQL commits synchronously', async () => {
    const durable = {
      sqlite: { journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeoutMs: 5000, readerCacheKiB: 32 * 1024 },
      postgres: { synchronousCommit: 'on', fsync: 'on', isolation: 'read committed' },
    };
    expect(await store.settings()).toEqual(durable[backend]);
    expect(await store.schemaVersion()).toBeGreaterThanOrEqual(11);
  });

  it('stores every pair of a log with the day totals beside it', async () => {
    const stored = await store.activity.log(input({ pairs: [{ metric: 'calls', value: 30 }, { metric: 'emails', value: 5 }] }));
    expect(stored.dayTotals.values).toEqual({ calls: 30, emails: 5 });
    await store.activity.log(input({ pairs: [{ metric: 'calls', value: 12 }] }));
    expect((await store.totals.dayTotals('T1', 'U1', D)).values).toEqual({ calls: 42, emails: 5 });
  });

  it('a rejected log stores none of its pairs', async () => {
    await store.activity.log(input());
    const attempt = store.activity.log(input({ pairs: [{ metric: 'emails', value: 3 }, { metric: 'calls', value: 95 }] }), (totals) =>
      (totals.values.calls ?? 0) > 100 ? 'over' : null,
    );
    await expect(attempt).resolves.toBeTruthy();
    const over = store.activity.log(input({ pairs: [{ metric: 'emails', value: 3 }, { metric: 'calls', value: 1 }] }), (totals) =>
      (totals.values.calls ?? 0) > 100 ? 'over' : null,
    );
    await expect(over).rejects.toBeInstanceOf(Rejected);
    expect((await store.totals.dayTotals('T1', 'U1', D)).values).toEqual({ calls: 100, emails: 3 });
    const entries = await rawQuery<{ n: number }>(path, 'SELECT count(*) AS n FROM entries');
    expect(entries[0]!.n).toBe(3);
  });

  it('stores a request sent twice once', async () => {
    const first = await store.activity.log(input({ requestKey: 'trigger-1' }));
    const again = await store.activity.log(input({ requestKey: 'trigger-1', pairs: [{ metric: 'calls', value: 500 }] }));
    expect(again).toMatchObject({ duplicate: true, commandId: first.commandId, pairs: [{ metric: 'calls', value: 5 }] });
    expect((await store.totals.dayTotals('T1', 'U1', D)).values).toEqual({ calls: 5 });
  });

  it('stores a request that reaches two instances at once once, and both answer with the same log', async () => {
    const other = await Store.open(path);
    try {
      for (let round = 0; round < 20; round += 1) {
        const same = input({ requestKey: `both-${round}`, pairs: [{ metric: 'calls', value: round + 1 }] });
        const answers = await Promise.all([store.activity.log(same), other.activity.log(same)]);
        expect(answers.map((a) => a.duplicate).sort()).toEqual([false, true]);
        expect(answers[0].commandId).toBe(answers[1].commandId);
      }
    } finally {
      await other.close();
    }
    const [n] = await rawQuery<{ commands: number; entries: number; total: number }>(
      path,
      "SELECT (SELECT count(*) FROM log_commands) AS commands, (SELECT count(*) FROM entries) AS entries, (SELECT total FROM daily_totals WHERE metric = 'calls') AS total",
    );
    expect(n).toEqual({ commands: 20, entries: 20, total: (20 * 21) / 2 });
  });

  it('keeps 200 concurrent logs apart: every one stored, totals equal to the entries', async () => {
    const logs = Array.from({ length: 200 }, (_, i) =>
      store.activity.log(input({ userId: `U${i % 10}`, requestKey: `k${i}`, pairs: [{ metric: 'calls', value: i }, { metric: 'meetings', value: 1 }] })),
    );
    await Promise.all(logs);
    const [sums] = await rawQuery<{ entries: number; totals: number }>(
      path,
      `SELECT (SELECT sum(value) FROM entries WHERE metric = 'calls') AS entries, (SELECT sum(total) FROM daily_totals WHERE metric = 'calls') AS totals`,
    );
    expect(sums).toEqual({ entries: (199 * 200) / 2, totals: (199 * 200) / 2 });
    const [{ n }] = (await rawQuery<{ n: number }>(path, 'SELECT count(*) AS n FROM log_commands')) as [{ n: number }];
    expect(n).toBe(200);
  });

  it('undo takes back the latest log whole, keeps it for the audit, and records the undo', async () => {
    await store.activity.log(input({ pairs: [{ metric: 'calls', value: 10 }] }));
    await store.activity.log(input({ pairs: [{ metric: 'calls', value: 7 }, { metric: 'meetings', value: 2 }] }));
    const undone = await store.activity.undoLast('T1', 'U1', new Date('2026-11-20T05:00:00Z'), 'undo-1');
    expect(undone).toMatchObject({ pairs: [{ metric: 'calls', value: 7 }, { metric: 'meetings', value: 2 }], dayTotals: { values: { calls: 10 } } });
    const rows = await rawQuery<{ metric: string; undone: number }>(path, 'SELECT metric, CASE WHEN undone_at IS NOT NULL THEN 1 ELSE 0 END AS undone FROM entries ORDER BY id');
    expect(rows).toEqual([
      { metric: 'calls', undone: 0 },
      { metric: 'calls', undone: 1 },
      { metric: 'meetings', undone: 1 },
    ]);
    expect(await rawQuery(path, 'SELECT command_id, request_key FROM undo_audit')).toEqual([{ command_id: 2, request_key: 'undo-1' }]);
  });

  it('an undo request sent twice takes back one log, not two', async () => {
    await store.activity.log(input({ pairs: [{ metric: 'calls', value: 10 }] }));
    await store.activity.log(input({ pairs: [{ metric: 'calls', value: 7 }] }));
    await store.activity.undoLast('T1', 'U1', new Date(), 'undo-1');
    await store.activity.undoLast('T1', 'U1', new Date(), 'undo-1');
    expect((await store.totals.dayTotals('T1', 'U1', D)).values).toEqual({ calls: 10 });
  });

  it('undo with nothing left says so', async () => {
    expect(await store.activity.undoLast('T1', 'U1', new Date(), null)).toBeNull();
  });

  it('answers the health check while it can write', async () => {
    expect(await store.healthy(new Date())).toBe(true);
  });
});

describe.each(BACKENDS)('migrations on %s', (backend) => {
  const where = locationEach(backend);
  it('apply once, and a database from a newer bot is refused', async () => {
    const path = where.location;
    const first = await Store.open(path);
    const version = await first.schemaVersion();
    await first.close();
    const again = await Store.open(path);
    expect(await again.schemaVersion()).toBe(version);
    await again.write((tx) => tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')"));
    await again.close();
    await expect(Store.open(path)).rejects.toBeInstanceOf(SchemaTooNewError);
  });
});
