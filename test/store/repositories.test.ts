/**
 * Every repository's contract, on both stores: what one test writes through the store's API, the
 * same calls read back the same way on SQLite and on PostgreSQL (ordering, case rules, upserts,
 * numbers as numbers, JSON kept as text).
 */
import { describe, expect, it } from 'vitest';
import { backendStoreEach, BACKENDS, rawQuery } from '../harness/backends.js';
import { day, type Day } from '../../src/domain/days.js';
import type { MetricDef } from '../../src/domain/metrics.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import { Rejected, Store } from '../../src/store/index.js';

const AT = new Date('2026-11-02T00:00:00Z');
const at = (iso: string) => new Date(iso);

const VALID_MEETINGS: MetricDef = {
  key: 'valid_meetings',
  kind: 'flow',
  unit: 'count',
  label: { en: 'valid meetings', ja: '有効商談' },
  singular: 'valid meeting',
  counterJa: '件',
  aliases: ['vm', '有効'],
  dailyMax: 50,
  better: 'higher',
  formula: null,
  outOf: null,
  builtIn: false,
  retired: false,
};

describe.each(BACKENDS)('the repositories on %s', (backend) => {
  const db = backendStoreEach(backend);

  const log = (userId: string, d: string, pairs: [string, number][], key: string, note: string | null = null) =>
    db.store.activity.log({
      teamId: 'T1',
      userId,
      requestKey: key,
      source: 'slash',
      text: 'log',
      day: day(d),
      loggedAt: at(`${d}T03:00:00Z`),
      pairs: pairs.map(([metric, value]) => ({ metric, value })),
      note,
    });

  const makeTeam = async (name = 'Tokyo Sales', createdBy = 'UMGR') =>
    (await db.store.teams.create({
      workspace: 'T1',
      name,
      channelId: 'C1',
      settings: defaultTeamSettings('Asia/Tokyo', 'en'),
      createdBy,
      at: AT,
      creatorJoinsAsManager: true,
    }))!;

  it('teams: names unique without regard to case, members managers first then by name, moves between teams, settings as set', async () => {
    const team = await makeTeam();
    expect(await makeTeam('tokyo sales')).toBeNull();
    expect((await db.store.teams.byName('T1', 'TOKYO SALES'))?.id).toBe(team.id);
    expect((await db.store.teams.byChannel('T1', 'C1'))?.id).toBe(team.id);
    const other = await makeTeam('Osaka', 'UMGR2');
    await db.store.people.saveProfile({ teamId: 'T1', userId: 'UB', name: 'Ben', locale: 'en', timeZone: 'Asia/Tokyo', isSlackAdmin: false, isActive: true }, AT);
    await db.store.people.saveProfile({ teamId: 'T1', userId: 'UA', name: 'aki', locale: 'ja', timeZone: null, isSlackAdmin: true, isActive: true }, AT);
    expect(await db.store.teams.addMembers(team, ['UB', 'UA', 'UZ'], 'rep', AT)).toEqual({ added: ['UB', 'UA', 'UZ'], moved: [], unchanged: [] });
    expect((await db.store.teams.members(team.id)).map((m) => [m.userId, m.role])).toEqual([
      ['UMGR', 'manager'],
      ['UB', 'rep'],
      ['UZ', 'rep'],
      ['UA', 'rep'],
    ]);
    expect(await db.store.teams.addMembers(other, ['UZ'], 'manager', AT)).toEqual({ added: [], moved: [{ userId: 'UZ', from: 'Tokyo Sales' }], unchanged: [] });
    expect(await db.store.teams.removeMembers(team, ['UA', 'UZ'])).toEqual(['UA']);
    expect((await db.store.teams.ofPerson('T1', 'UZ'))?.name).toBe('Osaka');
    expect((await db.store.teams.inWorkspace('T1')).map((t) => t.name)).toEqual(['Osaka', 'Tokyo Sales']);
    expect((await db.store.teams.all()).map((t) => t.name)).toEqual(['Tokyo Sales', 'Osaka']);
    expect(team.settings).toMatchObject({ monthReview: true, kickoff: true });
    const changed = await db.store.teams.updateSettings(team, { dailyTime: 8 * 60 + 30, funnel: ['calls', 'meetings'], closures: [{ from: day('2026-12-29'), to: day('2027-01-03') }], paceAlerts: true, kickoff: false }, 'C2');
    expect(changed).toMatchObject({ channelId: 'C2', settings: { dailyTime: 510, funnel: ['calls', 'meetings'], closures: [{ from: '2026-12-29', to: '2027-01-03' }], paceAlerts: true, monthReview: true, kickoff: false } });
    expect(await db.store.teams.byId(team.id)).toEqual(changed);
    const zones = await db.store.teams.memberZones();
    expect([...zones.keys()].sort()).toEqual([team.id, other.id].sort());
    expect(new Set(zones.get(team.id))).toEqual(new Set([null, 'Asia/Tokyo']));
    expect(zones.get(other.id)).toEqual([null]);
    await db.store.teams.setSalesRole('T1', ['UB'], 'sdr', AT);
    expect((await db.store.people.get('T1', 'UB'))?.salesRole).toBe('sdr');
  });

  it('people: profiles kept only in a known workspace, choices and deactivation recorded, workspaces oldest first', async () => {
    const profile = { teamId: 'T9', userId: 'U1', name: 'Aki', locale: 'ja' as const, timeZone: 'Asia/Tokyo', isSlackAdmin: false, isActive: true };
    expect(await db.store.people.saveProfile(profile, AT)).toBe(false);
    await log('U1', '2026-11-02', [['calls', 1]], 'k1');
    expect(await db.store.people.saveProfile({ ...profile, teamId: 'T1' }, at('2026-11-02T01:00:00Z'))).toBe(true);
    await db.store.people.setMorningDm('T1', 'U1', false, AT);
    await db.store.people.setEveningReminder('T1', 'U1', false, AT);
    await db.store.people.markInactive('T1', 'U1');
    expect(await db.store.people.get('T1', 'U1')).toEqual({
      teamId: 'T1',
      userId: 'U1',
      name: 'Aki',
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      role: 'rep',
      kpiTeamId: null,
      salesRole: null,
      isSlackAdmin: false,
      isActive: false,
      profileCheckedAt: at('2026-11-02T01:00:00Z'),
    });
    await db.store.people.setMorningDm('T0', 'U2', true, at('2026-11-03T00:00:00Z'));
    expect(await db.store.people.workspaces()).toEqual(['T1', 'T0']);
  });

  it('targets are effective-dated, and the tree keeps one node per metric', async () => {
    const team = await makeTeam();
    await db.store.targets.set('T1', [{ scope: 'person', subject: 'UA', metric: 'calls', value: 50, period: 'day', effectiveFrom: day('2026-11-01') }], 'UMGR', AT, 'command');
    await db.store.targets.set('T1', [{ scope: 'person', subject: 'UA', metric: 'calls', value: 40.5, period: 'day', effectiveFrom: day('2026-11-10') }], 'UMGR', AT, 'modal');
    await db.store.targets.set('T1', [{ scope: 'person', subject: 'UB', metric: 'calls', value: null, period: 'day', effectiveFrom: day('2026-11-01') }], 'UMGR', AT, 'template');
    expect((await db.store.targets.of('T1', 'person', 'UA', day('2026-11-05')))[0]).toMatchObject({ value: 50, effectiveFrom: '2026-11-01' });
    const later = await db.store.targets.inForce('T1', 'person', ['UA', 'UB'], day('2026-11-12'));
    expect([...later.keys()]).toEqual(['UA']);
    expect(later.get('UA')![0]).toMatchObject({ value: 40.5, schedule: [{ value: 50 }, { value: 40.5 }] });

    const node = (metric: string, value: number, parent: string | null) => ({ metric, value, period: 'month' as const, parent });
    expect(await db.store.trees.setNode(team.id, node('revenue', 1e7, null), 'UMGR', AT, () => null)).toBeNull();
    expect(await db.store.trees.setNode(team.id, node('wins', 20, 'revenue'), 'UMGR', AT, () => null)).toBeNull();
    expect(await db.store.trees.setNode(team.id, node('wins', 25, 'revenue'), 'UMGR', AT, () => null)).toBeNull();
    expect(await db.store.trees.setNode(team.id, node('calls', 1, 'nowhere'), 'UMGR', AT, (nodes) => (nodes.length > 2 ? 'refused' : null))).toBe('refused');
    expect(await db.store.trees.nodes(team.id)).toEqual([node('revenue', 1e7, null), node('wins', 25, 'revenue')]);
    await db.store.trees.replace(team.id, [node('mrr', 5e6, null)], 'UMGR', AT);
    expect(await db.store.trees.clear(team.id)).toBe(1);
  });

  it('1on1s: one schedule per rep, plans kept and saved once per request, check-ins replaced', async () => {
    const s = { workspace: 'T1', rep: 'UA', manager: 'UMGR', weekday: 4, minutes: 15 * 60, everyWeeks: 1 as const, anchor: day('2026-11-05') };
    await db.store.oneonones.schedule(s, 'UMGR', AT);
    await db.store.oneonones.schedule({ ...s, minutes: 16 * 60, recipients: 'team' }, 'UADMIN', at('2026-11-03T00:00:00Z'));
    expect(await db.store.oneonones.of('T1', 'UA')).toEqual({ ...s, minutes: 960, recipients: 'team', createdAt: at('2026-11-03T00:00:00Z') });
    expect(await db.store.oneonones.all()).toHaveLength(1);
    expect(await db.store.oneonones.savePlan('T1', 'UA', 'ten leads a day', 'UMGR', AT, day('2026-11-05'), 'view-1')).toBe(true);
    expect(await db.store.oneonones.savePlan('T1', 'UA', 'ten leads a day', 'UMGR', AT, day('2026-11-05'), 'view-1')).toBe(false);
    await db.store.oneonones.savePlan('T1', 'UA', 'call earlier', 'UMGR', AT, day('2026-11-12'), null);
    expect((await db.store.oneonones.latestPlan('T1', 'UA'))?.text).toBe('call earlier');
    expect((await db.store.oneonones.latestPlan('T1', 'UA', day('2026-11-06')))?.text).toBe('ten leads a day');
    await db.store.oneonones.savePlan('T1', 'UB', 'two demos', 'UMGR', AT, day('2026-11-04'), null);
    // A team's plans are its people's: UD's plan is on another team.
    const team = await makeTeam();
    await db.store.teams.addMembers(team, ['UA', 'UB', 'UC'], 'rep', AT);
    await db.store.oneonones.savePlan('T1', 'UD', 'not this team', 'UMGR', AT, day('2026-11-04'), null);
    const plans = async (d: string) => new Map([...(await db.store.oneonones.latestPlans('T1', team.id, day(d)))].map(([rep, p]) => [rep, p.text]));
    expect(await plans('2026-11-06')).toEqual(
      new Map([
        ['UA', 'ten leads a day'],
        ['UB', 'two demos'],
      ]),
    );
    expect(await plans('2026-11-30')).toEqual(
      new Map([
        ['UA', 'call earlier'],
        ['UB', 'two demos'],
      ]),
    );
    expect(await plans('2026-11-03')).toEqual(new Map());
    await db.store.oneonones.saveCheckIn('T1', 'UA', day('2026-11-05'), { wentWell: 'a', wantHelp: null }, AT);
    await db.store.oneonones.saveCheckIn('T1', 'UA', day('2026-11-05'), { wentWell: 'b', wantHelp: 'c' }, AT);
    expect(await db.store.oneonones.checkIn('T1', 'UA', day('2026-11-05'))).toEqual({ wentWell: 'b', wantHelp: 'c', answeredAt: AT });
    expect(await db.store.oneonones.unschedule('T1', 'UA')).toBe(true);
    expect(await db.store.oneonones.unschedule('T1', 'UA')).toBe(false);
  });

  it('metrics: built-ins seeded once per workspace, a team’s own added once, revised, retired with its targets ended', async () => {
    await log('U1', '2026-11-02', [['calls', 3]], 'k1');
    const before = await db.store.metrics.catalog('T1');
    expect(await db.store.metrics.add('T1', VALID_MEETINGS, 'UMGR', AT)).toBe(true);
    expect(await db.store.metrics.add('T1', VALID_MEETINGS, 'UMGR', AT)).toBe(false);
    const withIt = await db.store.metrics.catalog('T1');
    expect(withIt.all.length).toBe(before.all.length + 1);
    expect(withIt.all.at(-1)).toEqual(VALID_MEETINGS);
    expect(await db.store.metrics.update('T1', 'valid_meetings', { ...VALID_MEETINGS, aliases: ['vm2'], dailyMax: 12.5 }, 'UMGR', AT)).toBe(true);
    await db.store.targets.set('T1', [{ scope: 'person', subject: 'U1', metric: 'valid_meetings', value: 5, period: 'week', effectiveFrom: day('2026-11-02') }], 'UMGR', AT, 'command');
    expect(await db.store.metrics.setRetired('T1', 'valid_meetings', true, 'UMGR', AT, '2026-11-09')).toBe(true);
    expect(await db.store.targets.of('T1', 'person', 'U1', day('2026-11-10'))).toEqual([]);
    const retired = (await db.store.metrics.catalog('T1')).retired.find((m) => m.key === 'valid_meetings');
    expect(retired).toMatchObject({ aliases: ['vm2'], dailyMax: 12.5, retired: true });
    expect(await db.store.metrics.hasHistory('T1', 'calls')).toBe(true);
    expect(await db.store.metrics.hasHistory('T1', 'valid_meetings')).toBe(false);
  });

  it('days off: added once, cancelled and kept, listed per person and team', async () => {
    const team = await makeTeam();
    await db.store.teams.addMembers(team, ['UA'], 'rep', AT);
    expect(await db.store.daysOff.add('T1', 'UA', [day('2026-11-24'), day('2026-11-25')], 'command', AT)).toEqual(['2026-11-24', '2026-11-25']);
    expect(await db.store.daysOff.add('T1', 'UA', [day('2026-11-25'), day('2026-11-26')], 'slack', AT)).toEqual(['2026-11-26']);
    expect(await db.store.daysOff.cancel('T1', 'UA', day('2026-11-25'), day('2026-11-30'), AT, 'slack')).toEqual(['2026-11-26']);
    expect(await db.store.daysOff.list('T1', 'UA', day('2026-11-01'), day('2026-11-30'))).toEqual([
      { day: '2026-11-24', source: 'command' },
      { day: '2026-11-25', source: 'command' },
    ]);
    expect(await db.store.daysOff.add('T1', 'UA', [day('2026-11-26')], 'command', AT)).toEqual(['2026-11-26']);
    expect(await db.store.daysOff.of('T1', 'UA')).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(await db.store.daysOff.ofTeam(team.id, day('2026-11-25'), day('2026-11-30'))).toEqual(new Map([['UA', ['2026-11-25', '2026-11-26']]]));
  });

  it('edits replace a number and keep the old one, once per request; a metric never logged is refused', async () => {
    await log('U1', '2026-11-02', [['calls', 30], ['meetings', 2]], 'k1');
    const input = { teamId: 'T1', userId: 'U1', requestKey: 'edit-1', corrections: [{ metric: 'calls', value: 35 }], day: null, since: day('2026-10-15'), at: at('2026-11-02T05:00:00Z') };
    const first = await db.store.edits.correct(input);
    expect(first.edited).toEqual([{ metric: 'calls', from: 30, to: 35, day: '2026-11-02', loggedAt: at('2026-11-02T03:00:00Z'), handoff: null }]);
    expect(first.dayTotals.get(day('2026-11-02'))?.values).toEqual({ calls: 35, meetings: 2 });
    expect(await db.store.edits.correct(input)).toMatchObject({ duplicate: true, edited: first.edited });
    await expect(db.store.edits.correct({ ...input, requestKey: 'edit-2', corrections: [{ metric: 'emails', value: 1 }] })).rejects.toBeInstanceOf(Rejected);
    expect(await db.store.edits.history('T1', 'U1')).toEqual([{ metric: 'calls', from: 30, to: 35, day: '2026-11-02', editedAt: '2026-11-02T05:00:00.000Z' }]);
    expect(await db.store.activity.entriesOf('T1', 'U1')).toEqual([
      { metric: 'calls', value: 35, day: '2026-11-02', note: null },
      { metric: 'meetings', value: 2, day: '2026-11-02', note: null },
    ]);
  });

  it('history: an import is all rows or none and refused the second time; the export streams in order with names', async () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ day: day(`2026-10-${String((i % 28) + 1).padStart(2, '0')}`), userId: `U${i % 3}`, metric: 'calls', value: i, note: i === 1 ? 'a, "quoted" note' : null, loggedAt: at('2026-10-30T00:00:00Z') }));
    const imported = await db.store.history.import('T1', 'sheet.csv', rows(450), AT, { contentHash: 'h1' });
    expect(imported.rows).toBe(450);
    expect((await db.store.history.importedBefore('T1', 'h1'))?.rows).toBe(450);
    await expect(db.store.history.import('T1', 'again.csv', rows(3), AT, { contentHash: 'h1' })).rejects.toBeInstanceOf(Rejected);
    async function* failing() {
      yield* rows(250);
      throw new Error('bad row 251');
    }
    await expect(db.store.history.import('T1', 'bad.csv', failing(), AT)).rejects.toThrow('bad row 251');
    const seen: { day: Day; userId: string; value: number; note: string | null }[] = [];
    const n = await db.store.history.export({ teamId: 'T1', userId: 'U1', from: day('2026-10-02'), to: day('2026-10-03') }, (r) => seen.push({ day: r.day, userId: r.userId, value: r.value, note: r.note }));
    expect(n).toBe(seen.length);
    expect(seen.slice(0, 2)).toEqual([
      { day: '2026-10-02', userId: 'U1', value: 1, note: 'a, "quoted" note' },
      { day: '2026-10-02', userId: 'U1', value: 85, note: null },
    ]);
    expect((await db.store.totals.rangeTotals('T1', 'U0', day('2026-10-01'), day('2026-10-31'))).values.calls).toBe(rows(450).filter((r) => r.userId === 'U0').reduce((a, r) => a + r.value, 0));
  });

  it('deliveries: skipped once, sent with its ts, retried, settled, reopened after the lease, the last one sent found', async () => {
    const key = (periodKey: string) => ({ workspace: 'T1', kpiTeam: null, subject: 'UA', kind: 'oneonone' as const, periodKey });
    expect(await db.store.deliveries.recordSkipped(key('2026-11-02'), AT, AT, 'A', 'holiday')).toBe(true);
    expect(await db.store.deliveries.recordSkipped(key('2026-11-02'), AT, AT, 'B', 'holiday')).toBe(false);
    const sent = (await db.store.deliveries.claim(key('2026-11-05'), AT, AT, 'A'))!;
    await db.store.deliveries.markSent(sent.id, 'D1', '1.2', AT);
    const stuck = (await db.store.deliveries.claim(key('2026-11-12'), AT, at('2026-11-12T00:00:00Z'), 'A'))!;
    expect(await db.store.deliveries.reopenStale(at('2026-11-11T23:59:00Z'), at('2026-11-12T00:20:00Z'))).toBe(0);
    expect(await db.store.deliveries.reopenStale(at('2026-11-12T00:15:00Z'), at('2026-11-12T00:20:00Z'))).toBe(1);
    expect(await db.store.deliveries.find(key('2026-11-12'))).toMatchObject({ id: stuck.id, status: 'retry', nextTryAt: at('2026-11-12T00:20:00Z') });
    const failed = (await db.store.deliveries.claim(key('2026-11-19'), AT, AT, 'B'))!;
    await db.store.deliveries.settle(failed.id, 'failed', 'channel_not_found');
    expect((await db.store.deliveries.lastSent('T1', 'UA', 'oneonone', '2026-11-19'))?.ts).toBe('1.2');
    expect((await db.store.deliveries.list({ kind: 'oneonone', workspace: 'T1' })).map((d) => [d.periodKey, d.status])).toEqual([
      ['2026-11-02', 'skipped'],
      ['2026-11-05', 'sent'],
      ['2026-11-12', 'retry'],
      ['2026-11-19', 'failed'],
    ]);
  });

  it('daily totals: notes once, logged days, last logged per metric, bests set that day, handoffs both ways', async () => {
    const team = await makeTeam();
    await db.store.teams.addMembers(team, ['UA', 'UB'], 'rep', AT);
    await log('UA', '2026-11-02', [['calls', 10]], 'k1', 'tried a new opener');
    await log('UA', '2026-11-02', [['calls', 5]], 'k2', 'tried a new opener');
    await log('UA', '2026-11-03', [['calls', 20]], 'k3');
    await log('UB', '2026-11-03', [['meetings', 1]], 'k4');
    await db.store.activity.log({
      teamId: 'T1', userId: 'UA', requestKey: 'k5', source: 'slash', text: 'log', day: day('2026-11-04'), loggedAt: at('2026-11-04T03:00:00Z'),
      pairs: [{ metric: 'meetings', value: 2, handoff: { userId: 'UB', direction: 'to' } }], note: null,
    });
    await db.store.activity.log({
      teamId: 'T1', userId: 'UB', requestKey: 'k6', source: 'slash', text: 'log', day: day('2026-11-05'), loggedAt: at('2026-11-05T03:00:00Z'),
      pairs: [{ metric: 'wins', value: 1, handoff: { userId: 'UA', direction: 'from' } }], note: null,
    });
    expect(await db.store.totals.memberNotes(team.id, day('2026-11-01'), day('2026-11-30'))).toEqual([{ userId: 'UA', day: '2026-11-02', note: 'tried a new opener' }]);
    expect(await db.store.totals.personNotes('T1', 'UA', day('2026-11-01'), day('2026-11-30'))).toEqual([{ day: '2026-11-02', note: 'tried a new opener' }]);
    expect(await db.store.totals.teamLastLogged(team.id, day('2026-11-01'))).toEqual(new Map([['calls', '2026-11-03'], ['meetings', '2026-11-04'], ['wins', '2026-11-05']]));
    expect(await db.store.totals.bestsSetOn(team.id, day('2026-11-03'))).toEqual([{ userId: 'UA', metric: 'calls', best: 20, previous: 15 }]);
    expect(await db.store.totals.bestsOf('T1', 'UA')).toEqual([{ metric: 'calls', best: 20, day: '2026-11-03' }]);
    expect(await db.store.totals.personDays('T1', 'UA', day('2026-11-02'), day('2026-11-03'))).toEqual([
      { day: '2026-11-02', metric: 'calls', total: 15 },
      { day: '2026-11-03', metric: 'calls', total: 20 },
    ]);
    expect(await db.store.activity.handoffs('T1', 'UA', day('2026-11-01'), day('2026-11-30'))).toEqual({ handed: 2, won: 1 });
    expect(await db.store.totals.memberMetricDays(team.id, day('2026-11-02'), day('2026-11-04'))).toEqual(
      new Map([
        [
          'UA',
          new Map([
            ['calls', ['2026-11-02', '2026-11-03']],
            ['meetings', ['2026-11-04']],
          ]),
        ],
        ['UB', new Map([['meetings', ['2026-11-03']]])],
      ]),
    );
  });

  it('client engagements: names taken in any case or width, members joined once and their default, logs that name one summed apart, decisions once per request', async () => {
    const agency = await makeTeam('Agency');
    await db.store.teams.addMembers(agency, ['UA', 'UB'], 'rep', AT);
    const start = (client: string, report: 'weekly' | 'monthly' = 'weekly') =>
      db.store.engagements.create({ workspace: 'T1', client, parentTeam: agency.id, channelId: 'CACME', settings: defaultTeamSettings('Asia/Tokyo', 'en'), report, createdBy: 'UMGR', at: AT });
    const acme = (await start('Acme'))!;
    expect(acme.engagement).toEqual({ client: 'Acme', parentTeam: agency.id, report: 'weekly' });
    expect(await start('ＡＣＭＥ')).toBeNull();
    expect(await start('agency')).toBeNull();
    const beta = (await start('Beta Corp', 'monthly'))!;
    expect((await db.store.engagements.inWorkspace('T1')).map((t) => t.name)).toEqual(['Acme', 'Beta Corp']);
    expect((await db.store.engagements.byName('T1', '@beta corp'))?.id).toBe(beta.id);
    expect((await db.store.teams.byId(beta.id))?.engagement).toEqual({ client: 'Beta Corp', parentTeam: agency.id, report: 'monthly' });

    expect(await db.store.engagements.join('T1', acme.id, ['UA', 'UB'], AT, true)).toEqual({ added: ['UA', 'UB'], already: [] });
    expect(await db.store.engagements.join('T1', acme.id, ['UA'], AT)).toEqual({ added: [], already: ['UA'] });
    await db.store.engagements.join('T1', beta.id, ['UA'], AT);
    expect((await db.store.engagements.ofPerson('T1', 'UA')).map((e) => [e.team.name, e.isDefault])).toEqual([
      ['Acme', true],
      ['Beta Corp', false],
    ]);
    expect(await db.store.engagements.setDefault('T1', 'UA', beta.id)).toBe(true);
    expect(await db.store.engagements.setDefault('T1', 'UB', beta.id)).toBe(false);
    expect((await db.store.engagements.ofPerson('T1', 'UA')).map((e) => [e.team.name, e.isDefault])).toEqual([
      ['Beta Corp', true],
      ['Acme', false],
    ]);
    expect(await db.store.engagements.leave(acme.id, ['UB', 'UZ'], AT)).toEqual(['UB']);
    expect(await db.store.engagements.members(acme.id)).toEqual([{ userId: 'UA', isDefault: false }]);
    expect(await db.store.engagements.join('T1', acme.id, ['UB'], at('2026-11-03T00:00:00Z'))).toEqual({ added: ['UB'], already: [] });
    await db.store.engagements.setReport(acme.id, 'monthly');
    expect((await db.store.teams.byId(acme.id))?.engagement?.report).toBe('monthly');

    const logFor = (userId: string, d: string, pairs: [string, number][], key: string, engagement: number | null) =>
      db.store.activity.log({ teamId: 'T1', userId, requestKey: key, source: 'slash', text: 'log', day: day(d), loggedAt: at(`${d}T03:00:00Z`), pairs: pairs.map(([metric, value]) => ({ metric, value })), note: null, engagement });
    await logFor('UA', '2026-10-30', [['pipeline', 500]], 'e0', acme.id);
    await logFor('UA', '2026-11-02', [['calls', 10], ['pipeline', 700]], 'e1', acme.id);
    await logFor('UA', '2026-11-03', [['calls', 4]], 'e2', beta.id);
    await logFor('UA', '2026-11-04', [['calls', 6], ['pipeline', 900]], 'e3', acme.id);
    await logFor('UB', '2026-11-04', [['meetings', 1]], 'e4', acme.id);
    await logFor('UB', '2026-11-04', [['calls', 99]], 'e5', null);
    const totals = await db.store.engagements.memberTotals(acme.id, day('2026-11-01'), day('2026-11-30'));
    expect(totals.get('UA')).toEqual({ values: { calls: 16, pipeline: 900 }, atStart: { pipeline: 500 }, asOf: { pipeline: '2026-11-04' } });
    expect(totals.get('UB')).toEqual({ values: { meetings: 1 }, atStart: {}, asOf: {} });
    expect((await db.store.engagements.memberTotals(beta.id, day('2026-11-01'), day('2026-11-30'))).get('UA')?.values).toEqual({ calls: 4 });
    expect((await db.store.engagements.memberTotals(acme.id, day('2026-11-03'), day('2026-11-30'))).get('UA')?.atStart).toEqual({ pipeline: 700 });

    // An edit keeps the engagement; the export names the client; an import may name one too.
    await db.store.edits.correct({ teamId: 'T1', userId: 'UA', requestKey: 'edit-1', corrections: [{ metric: 'calls', value: 8 }], day: day('2026-11-04'), since: day('2026-11-01'), at: at('2026-11-04T05:00:00Z') });
    await db.store.history.import('T1', 'sheet.csv', [{ day: day('2026-11-05'), userId: 'UB', metric: 'calls', value: 3, note: null, loggedAt: AT, engagement: beta.id }], at('2026-11-05T00:00:00Z'));
    expect((await db.store.engagements.memberTotals(acme.id, day('2026-11-01'), day('2026-11-30'))).get('UA')?.values.calls).toBe(18);
    expect((await db.store.engagements.memberTotals(beta.id, day('2026-11-01'), day('2026-11-30'))).get('UB')?.values).toEqual({ calls: 3 });
    const exported: [string, string, string, number, number | null | undefined, string | null][] = [];
    await db.store.history.export({ teamId: 'T1', from: day('2026-11-02') }, (r) => exported.push([r.day, r.userId, r.metric, r.value, r.engagement, r.client]));
    expect(exported).toEqual([
      ['2026-11-02', 'UA', 'calls', 10, acme.id, 'Acme'],
      ['2026-11-02', 'UA', 'pipeline', 700, acme.id, 'Acme'],
      ['2026-11-03', 'UA', 'calls', 4, beta.id, 'Beta Corp'],
      // The replacement keeps the log's time and comes after the log's other entries.
      ['2026-11-04', 'UA', 'pipeline', 900, acme.id, 'Acme'],
      ['2026-11-04', 'UA', 'calls', 8, acme.id, 'Acme'],
      ['2026-11-04', 'UB', 'meetings', 1, acme.id, 'Acme'],
      ['2026-11-04', 'UB', 'calls', 99, null, null],
      ['2026-11-05', 'UB', 'calls', 3, beta.id, 'Beta Corp'],
    ]);

    const first = await db.store.engagements.decide(acme.id, 'Call the CFO first', 'UMGR', at('2026-11-06T01:00:00Z'), 'req-1');
    expect(await db.store.engagements.decide(acme.id, 'Call the CFO first', 'UMGR', at('2026-11-06T01:00:05Z'), 'req-1')).toEqual(first);
    await db.store.engagements.decide(acme.id, 'Two demos a week', 'UMGR', at('2026-11-13T01:00:00Z'), null);
    await db.store.engagements.decide(beta.id, 'Not for Acme', 'UMGR', at('2026-11-13T01:00:00Z'), 'req-1');
    expect((await db.store.engagements.recentDecisions(acme.id, 5)).map((d) => d.text)).toEqual(['Two demos a week', 'Call the CFO first']);
    expect((await db.store.engagements.recentDecisions(acme.id, 1)).map((d) => d.text)).toEqual(['Two demos a week']);
    expect(await db.store.engagements.decisions(acme.id, at('2026-11-06T01:00:00Z'), at('2026-11-20T00:00:00Z'))).toEqual([
      { id: expect.any(Number), text: 'Two demos a week', decidedBy: 'UMGR', decidedAt: at('2026-11-13T01:00:00Z') },
    ]);
    expect((await db.store.engagements.decisions(acme.id, null, at('2026-11-20T00:00:00Z'))).map((d) => d.id)).toEqual([first.id, expect.any(Number)]);
  });

  it('plan proposals: kept once per request, read only in their workspace, applied once with their targets and tree', async () => {
    const team = await makeTeam();
    const input = {
      workspace: 'T1',
      kpiTeam: team.id,
      period: 'month' as const,
      periodStart: day('2026-12-01'),
      periodEnd: day('2026-12-31'),
      targets: [
        { metric: 'wins', value: 10 },
        { metric: 'meetings', value: 40.5 },
      ],
      tree: [
        { metric: 'revenue', value: 1e7, period: 'month' as const, parent: null },
        { metric: 'wins', value: 10, period: 'month' as const, parent: 'revenue' },
      ],
      proposedBy: 'UMGR',
      proposedAt: at('2026-11-30T01:00:00Z'),
    };
    const proposal = await db.store.planProposals.propose(input, 'trigger-1');
    expect(proposal).toEqual({ ...input, id: expect.stringMatching(/^[0-9a-f]{24}$/u), applied: null });
    expect(await db.store.planProposals.propose({ ...input, targets: [] }, 'trigger-1')).toEqual(proposal);
    const other = await db.store.planProposals.propose(input, null);
    expect(other.id).not.toBe(proposal.id);
    expect(await db.store.planProposals.get('T1', proposal.id)).toEqual(proposal);
    expect(await db.store.planProposals.get('T2', proposal.id)).toBeNull();
    expect(await db.store.planProposals.apply('T2', proposal.id, 'UMGR', AT, day('2026-12-01'))).toEqual({ kind: 'missing' });

    const applied = await db.store.planProposals.apply('T1', proposal.id, 'UMGR', at('2026-11-30T02:00:00Z'), day('2026-12-01'));
    const mark = { by: 'UMGR', at: at('2026-11-30T02:00:00Z'), from: '2026-12-01' };
    expect(applied).toEqual({ kind: 'applied', proposal: { ...proposal, applied: mark } });
    expect(await db.store.planProposals.apply('T1', proposal.id, 'UADMIN', at('2026-11-30T03:00:00Z'), day('2026-12-02'))).toEqual({ kind: 'already', proposal: { ...proposal, applied: mark } });
    expect((await db.store.targets.of('T1', 'team', String(team.id), day('2026-12-01'))).map((t) => [t.metric, t.value, t.period])).toEqual([
      ['meetings', 40.5, 'month'],
      ['wins', 10, 'month'],
    ]);
    expect(await db.store.targets.of('T1', 'team', String(team.id), day('2026-11-30'))).toEqual([]);
    expect(await db.store.trees.nodes(team.id)).toEqual(input.tree);
  });

  it('requests that reach two instances at once: a client started, a decision and a proposal kept, a plan applied, each once', async () => {
    const team = await makeTeam();
    const other = await Store.open(db.location);
    try {
      for (let round = 0; round < 5; round += 1) {
        const client = { workspace: 'T1', client: `Client ${round}`, parentTeam: team.id, channelId: null, settings: defaultTeamSettings('Asia/Tokyo', 'en'), report: 'weekly' as const, createdBy: 'UMGR', at: AT };
        const started = await Promise.all([db.store.engagements.create(client), other.engagements.create(client)]);
        expect(started.filter((t) => t !== null)).toHaveLength(1);
        const engagement = started.find((t) => t !== null)!;

        const decided = await Promise.all([db.store.engagements.decide(engagement.id, 'Call the CFO', 'UMGR', AT, `d-${round}`), other.engagements.decide(engagement.id, 'Call the CFO', 'UMGR', AT, `d-${round}`)]);
        expect(decided[1]).toEqual(decided[0]);

        const input = { workspace: 'T1', kpiTeam: team.id, period: 'month' as const, periodStart: day('2026-12-01'), periodEnd: day('2026-12-31'), targets: [{ metric: 'wins', value: round + 1 }], tree: [], proposedBy: 'UMGR', proposedAt: AT };
        const proposed = await Promise.all([db.store.planProposals.propose(input, `p-${round}`), other.planProposals.propose(input, `p-${round}`)]);
        expect(proposed[1]).toEqual(proposed[0]);

        const outcomes = await Promise.all([db.store.planProposals.apply('T1', proposed[0].id, 'UMGR', AT, day('2026-12-01')), other.planProposals.apply('T1', proposed[0].id, 'UMGR', AT, day('2026-12-01'))]);
        expect(outcomes.map((o) => o.kind).sort()).toEqual(['already', 'applied']);
      }
    } finally {
      await other.close();
    }
    expect((await db.store.engagements.inWorkspace('T1')).map((t) => t.name)).toEqual(['Client 0', 'Client 1', 'Client 2', 'Client 3', 'Client 4']);
    const [n] = await rawQuery<{ decisions: number; proposals: number; targets: number }>(
      db.location,
      "SELECT (SELECT count(*) FROM decisions) AS decisions, (SELECT count(*) FROM plan_proposals) AS proposals, (SELECT count(*) FROM targets WHERE scope = 'team') AS targets",
    );
    expect(n).toEqual({ decisions: 5, proposals: 5, targets: 5 });
  });

  it('metric definitions: written down, cleared, and refused for a metric the workspace lacks', async () => {
    await log('U1', '2026-11-02', [['calls', 3]], 'k1');
    expect(await db.store.metrics.define('T1', 'meetings', 'A meeting with the decision maker present', 'UMGR', AT)).toBe(true);
    expect(await db.store.metrics.define('T1', 'calls', '通話が1分以上続いたもの', 'UMGR', AT)).toBe(true);
    expect(await db.store.metrics.define('T1', 'no_such_metric', 'x', 'UMGR', AT)).toBe(false);
    expect(await db.store.metrics.definitions('T1')).toEqual(new Map([['calls', '通話が1分以上続いたもの'], ['meetings', 'A meeting with the decision maker present']]));
    expect(await db.store.metrics.define('T1', 'calls', null, 'UMGR', AT)).toBe(true);
    expect(await db.store.metrics.definitions('T1')).toEqual(new Map([['meetings', 'A meeting with the decision maker present']]));
  });
});
