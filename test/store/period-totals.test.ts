import { describe, expect, it } from 'vitest';
import { backendStoreEach, BACKENDS } from '../harness/backends.js';
import { day, type Day } from '../../src/domain/days.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';

describe.each(BACKENDS)('period values and personal bests from the daily totals on %s', (backend) => {
  const db = backendStoreEach(backend);
  let n = 0;

  const log = (userId: string, d: string, pairs: [string, number][], hour = 3) => {
    n += 1;
    return db.store.activity.log({
      teamId: 'T1',
      userId,
      requestKey: `k${n}`,
      source: 'slash',
      text: 'log',
      day: day(d),
      loggedAt: new Date(`${d}T${String(hour).padStart(2, '0')}:00:00Z`),
      pairs: pairs.map(([metric, value]) => ({ metric, value })),
      note: null,
    });
  };

  it('a snapshot’s value at the period’s start is the latest on or before its first day, else the first inside it', async () => {
    await log('U1', '2026-10-28', [['customers', 100]]);
    await log('U1', '2026-11-10', [['customers', 96], ['churns', 4]]);
    await log('U2', '2026-11-05', [['customers', 50]]);
    const nov = await db.store.totals.rangeTotals('T1', 'U1', day('2026-11-01'), day('2026-11-30'));
    expect(nov).toEqual({ values: { customers: 96, churns: 4 }, atStart: { customers: 100 }, asOf: { customers: '2026-11-10' } });
    // U2 started logging mid-month: the first value inside it stands in for the start.
    expect((await db.store.totals.rangeTotals('T1', 'U2', day('2026-11-01'), day('2026-11-30'))).atStart).toEqual({ customers: 50 });
  });

  it('keep each person’s best day and the best before it through logs, undos and imports', async () => {
    const bests = async () =>
      db.store.write((tx) => tx.all<{ user_id: string; metric: string; best: number; day: string; previous_best: number }>('SELECT user_id, metric, best, day, previous_best FROM personal_bests ORDER BY user_id, metric'));
    await log('U1', '2026-11-02', [['calls', 10]]);
    await log('U1', '2026-11-03', [['calls', 30], ['meetings', 2]]);
    await log('U1', '2026-11-04', [['calls', 20]]);
    await log('U1', '2026-11-05', [['calls', 30]]); // a tie does not beat the earlier best
    await log('U1', '2026-11-06', [['calls', 50]]);
    expect(await bests()).toEqual([
      { user_id: 'U1', metric: 'calls', best: 50, day: '2026-11-06', previous_best: 30 },
      { user_id: 'U1', metric: 'meetings', best: 2, day: '2026-11-03', previous_best: 0 },
    ]);
    await db.store.activity.undoLast('T1', 'U1', new Date('2026-11-06T09:00:00Z'), 'undo-1');
    expect((await bests())[0]).toEqual({ user_id: 'U1', metric: 'calls', best: 30, day: '2026-11-03', previous_best: 10 });
    await db.store.history.import(
      'T1',
      'sheet.csv',
      [
        { day: day('2026-10-01'), userId: 'U1', metric: 'calls', value: 40, note: null, loggedAt: new Date('2026-10-01T09:00:00Z') },
        { day: day('2026-11-04'), userId: 'U1', metric: 'calls', value: 25, note: null, loggedAt: new Date('2026-11-04T09:00:00Z') },
        { day: day('2026-10-02'), userId: 'U2', metric: 'calls', value: 7, note: null, loggedAt: new Date('2026-10-02T09:00:00Z') },
      ],
      new Date('2026-11-07T00:00:00Z'),
    );
    expect(await bests()).toEqual([
      { user_id: 'U1', metric: 'calls', best: 45, day: '2026-11-04', previous_best: 40 },
      { user_id: 'U1', metric: 'meetings', best: 2, day: '2026-11-03', previous_best: 0 },
      { user_id: 'U2', metric: 'calls', best: 7, day: '2026-10-02', previous_best: 0 },
    ]);
  });

  it('sum counts over the range, and carry a snapshot (the pipeline) forward from its last value on or before the range’s end, with its day', async () => {
    await log('U1', '2026-11-02', [['calls', 10], ['pipeline', 5_000_000]]);
    await log('U1', '2026-11-03', [['calls', 20]]);
    await log('U1', '2026-11-04', [['pipeline', 7_000_000], ['calls', 5]]);
    await log('U1', '2026-11-04', [['pipeline', 6_000_000]], 6); // the day's latest snapshot wins
    await log('U1', '2026-11-06', [['pipeline', 9_000_000]]);
    await log('U2', '2026-11-03', [['calls', 7], ['pipeline', 1_000_000]]);

    const range = (from: string, to: string) => db.store.totals.rangeTotals('T1', 'U1', day(from), day(to));
    expect(await range('2026-11-01', '2026-11-30')).toEqual({ values: { calls: 35, pipeline: 9_000_000 }, atStart: { pipeline: 5_000_000 }, asOf: { pipeline: '2026-11-06' } });
    expect(await range('2026-11-01', '2026-11-05')).toEqual({ values: { calls: 35, pipeline: 6_000_000 }, atStart: { pipeline: 5_000_000 }, asOf: { pipeline: '2026-11-04' } });
    // A day without a new value still has the last one, dated when it was logged.
    expect(await range('2026-11-03', '2026-11-03')).toEqual({ values: { calls: 20, pipeline: 5_000_000 }, atStart: { pipeline: 5_000_000 }, asOf: { pipeline: '2026-11-02' } });
    expect(await range('2026-11-07', '2026-11-30')).toEqual({ values: { pipeline: 9_000_000 }, atStart: { pipeline: 9_000_000 }, asOf: { pipeline: '2026-11-06' } });
    // Logged on 16 November, read on 2 December: the latest value, dated.
    await log('U1', '2026-11-16', [['pipeline', 11_000_000]]);
    expect(await range('2026-12-01', '2026-12-02')).toEqual({ values: { pipeline: 11_000_000 }, atStart: { pipeline: 11_000_000 }, asOf: { pipeline: '2026-11-16' } });
    await db.store.activity.undoLast('T1', 'U1', new Date('2026-11-16T09:00:00Z'), 'undo-pipeline');

    const team = (await db.store.teams.create({
      workspace: 'T1',
      name: 'Tokyo',
      channelId: null,
      settings: defaultTeamSettings('Asia/Tokyo', 'en'),
      createdBy: 'U9',
      at: new Date('2026-11-01T00:00:00Z'),
      creatorJoinsAsManager: true,
    }))!;
    await db.store.teams.addMembers(team, ['U1', 'U2'], 'rep', new Date('2026-11-01T00:00:00Z'));
    const members = await db.store.totals.memberTotals(team.id, day('2026-11-01'), day('2026-11-05'));
    const values = (m: Map<string, { values: unknown }>) => Object.fromEntries([...m].map(([u, t]) => [u, t.values]));
    expect(values(members)).toEqual({ U1: { calls: 35, pipeline: 6_000_000 }, U2: { calls: 7, pipeline: 1_000_000 } });

    const logged = await db.store.totals.memberLoggedDays(team.id, day('2026-11-01'), day('2026-11-30'));
    expect(Object.fromEntries([...logged].map(([u, days]) => [u, [...days].sort()]))).toEqual({
      U1: ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-06'] as Day[],
      U2: ['2026-11-03'] as Day[],
    });

    // Several ranges in one read: sums per range, and the pipeline as each range's last day.
    const [yesterday, week, month] = await db.store.totals.memberRanges(team.id, [
      { from: day('2026-11-03'), to: day('2026-11-03') },
      { from: day('2026-11-02'), to: day('2026-11-05') },
      { from: day('2026-11-01'), to: day('2026-11-30') },
    ]);
    expect(values(yesterday!)).toEqual({ U1: { calls: 20, pipeline: 5_000_000 }, U2: { calls: 7, pipeline: 1_000_000 } });
    expect(values(week!)).toEqual({ U1: { calls: 35, pipeline: 6_000_000 }, U2: { calls: 7, pipeline: 1_000_000 } });
    expect(values(month!)).toEqual({ U1: { calls: 35, pipeline: 9_000_000 }, U2: { calls: 7, pipeline: 1_000_000 } });
    expect(yesterday!.get('U1')!.asOf).toEqual({ pipeline: '2026-11-02' });
    expect(await db.store.totals.memberRanges(team.id, [])).toEqual([]);
  });
});
