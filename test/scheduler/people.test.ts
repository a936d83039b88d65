import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import type { Day } from '../../src/domain/days.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import type { ProfileReaderOptions } from '../../src/scheduler/profiles.js';
import { Sender } from '../../src/scheduler/sender.js';
import { SlackClient } from '../../src/slack/client.js';
import { Store, type Team } from '../../src/store/index.js';

const logger = createLogger('error');
const MANAGER = 'UMGR0001';
const CREATED = new Date('2026-11-01T00:00:00Z');

describe('the right people on the scheduler’s fake clock', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  let store: Store;
  let slack: FakeSlack;

  beforeEach(async () => {
    dir = tempDir();
    path = `${dir.path}/kpi.sqlite`;
    store = await Store.open(path);
    slack = await new FakeSlack().start();
  });
  afterEach(async () => {
    await store.close();
    await slack.stop();
    dir.remove();
  });

  /** A Tokyo team in Japanese with a manager and `reps`, each on 50 calls a workday. */
  async function team(reps: readonly string[], settings: Partial<Team['settings']> = {}): Promise<Team> {
    const made = (await store.teams.create({
      workspace: 'T0001',
      name: 'Tokyo',
      channelId: 'CTOKYO1',
      settings: { ...defaultTeamSettings('Asia/Tokyo', 'ja'), ...settings },
      createdBy: MANAGER,
      at: CREATED,
      creatorJoinsAsManager: true,
    }))!;
    await store.teams.addMembers(made, reps, 'rep', CREATED);
    const from = '2026-11-01' as Day;
    await store.targets.set('T0001', reps.map((u) => ({ scope: 'person' as const, subject: u, metric: 'calls', value: 50, period: 'day' as const, effectiveFrom: from })), MANAGER, CREATED, 'command');
    return made;
  }

  function scheduler(options: { timeoutMs?: number; profiles?: ProfileReaderOptions; on?: Store } = {}) {
    const chat = new SlackClient({ token: 'xoxb-test', apiUrl: slack.url, logger, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    return new Scheduler({
      store: options.on ?? store,
      chat,
      clock: () => new Date(),
      logger,
      defaultLocale: 'ja',
      defaultZone: 'Asia/Tokyo',
      sender: new Sender(chat, { sleep: async () => undefined }),
      ...(options.profiles ? { profiles: options.profiles } : {}),
    });
  }

  const dmsTo = (userId: string) => slack.accepted('chat.postMessage').filter((c) => c.body.channel === `D${userId.slice(1)}`).map((c) => String(c.body.text));

  it('someone added to a team at 09:20 gets no morning DM that day, and gets the next one', async () => {
    const tokyo = await team(['UREP0001']);
    await store.teams.addMembers(tokyo, ['UNEW0001'], 'rep', new Date('2026-11-17T00:20:00Z'));
    const s = scheduler();
    for (let m = 20; m <= 40; m += 10) await s.tick(new Date(`2026-11-17T00:${m}:00Z`));
    expect(dmsTo('UNEW0001')).toEqual([]);
    // Someone already in the team gets theirs 20 minutes late, as catch-up.
    expect(dmsTo('UREP0001')).toHaveLength(1);
    await s.tick(new Date('2026-11-18T00:00:00Z'));
    expect(dmsTo('UNEW0001')).toHaveLength(1);
  });

  it('a 1on1 scheduled after its prep time gets no late prep that day, the next week’s comes; one scheduled before gets it', async () => {
    await team(['UREP0001', 'UREP0002']);
    slack.users.set(MANAGER, { id: MANAGER, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    // Wednesday 18 November: a 15:00 1on1 has its prep at 13:00.
    await store.oneonones.schedule({ workspace: 'T0001', rep: 'UREP0001', manager: MANAGER, weekday: 3, minutes: 900, everyWeeks: 1, anchor: '2026-11-18' as Day }, MANAGER, new Date('2026-11-18T04:30:00Z'));
    await store.oneonones.schedule({ workspace: 'T0001', rep: 'UREP0002', manager: MANAGER, weekday: 3, minutes: 900, everyWeeks: 1, anchor: '2026-11-18' as Day }, MANAGER, new Date('2026-11-18T03:00:00Z'));
    const s = scheduler();
    await s.tick(new Date('2026-11-18T04:31:00Z'));
    const preps = () => dmsTo(MANAGER).filter((text) => text.startsWith('1on1準備'));
    expect(preps()).toHaveLength(1);
    expect(preps()[0]).toContain('<@UREP0002>');
    await s.tick(new Date('2026-11-25T04:00:00Z'));
    expect(preps().filter((text) => text.includes('<@UREP0001>'))).toHaveLength(1);
  });

  it('a Slack that does not answer users.info does not stop the morning: every DM goes out in the team’s language, after a bounded few tries', async () => {
    const reps = Array.from({ length: 40 }, (_, i) => `UREP${String(i).padStart(4, '0')}`);
    await team(reps);
    for (const u of reps) slack.users.set(u, { id: u, locale: 'en-US', tz: 'Asia/Tokyo' });
    slack.failNext('users.info', { hang: true }, 1000);
    const s = scheduler({ profiles: { timeoutMs: 200, concurrency: 4, failLimit: 3 } });
    const outcomes = await s.tick(new Date('2026-11-17T00:00:00Z'));
    expect(outcomes.filter((o) => o.key.kind === 'dm' && o.result === 'sent')).toHaveLength(reps.length + 1);
    expect(slack.callsTo('users.info').length).toBeLessThanOrEqual(4);
    expect(dmsTo(reps[0]!)[0]).toContain('11月17日(火)');
    // Slack is left alone for a while: the next minutes ask nothing more.
    await s.tick(new Date('2026-11-17T00:01:00Z'));
    await s.tick(new Date('2026-11-17T00:02:00Z'));
    expect(slack.callsTo('users.info').length).toBeLessThanOrEqual(4);
  });

  it('a 1,000-person morning: profiles are read in the hour before, within the per-minute bound, none at 09:00, and each DM is in its reader’s language', async () => {
    const reps = Array.from({ length: 1000 }, (_, i) => `UREP${String(i).padStart(4, '0')}`);
    await team(reps);
    reps.forEach((u, i) => slack.users.set(u, { id: u, locale: i % 2 === 0 ? 'en-US' : 'ja-JP', tz: 'Asia/Tokyo' }));
    const s = scheduler();
    const readsPerTick: number[] = [];
    for (let m = 0; m < 60; m += 1) {
      const before = slack.callsTo('users.info').length;
      await s.tick(new Date(Date.parse('2026-11-16T23:00:00Z') + m * 60_000)); // 08:00–08:59 in Tokyo
      readsPerTick.push(slack.callsTo('users.info').length - before);
    }
    expect(Math.max(...readsPerTick)).toBeLessThanOrEqual(60);
    expect(readsPerTick.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000);
    const before = slack.callsTo('users.info').length;
    const outcomes = await s.tick(new Date('2026-11-17T00:00:00Z'));
    expect(slack.callsTo('users.info').length).toBe(before);
    expect(outcomes.filter((o) => o.key.kind === 'dm' && o.result === 'sent')).toHaveLength(1001);
    expect(dmsTo(reps[0]!)[0]).toContain('Your plan for Tue 17 Nov');
    expect(dmsTo(reps[1]!)[0]).toContain('11月17日(火)');
  }, 120_000);

  it('the evening reminder is claimed like any delivery: once per person and workday across a restart and a second process', async () => {
    await team(['UREP0001', 'UREP0002'], { reminderTime: 17 * 60 + 30 });
    await store.history.import('T0001', 'seed', [{ day: '2026-11-17' as Day, userId: 'UREP0002', metric: 'calls', value: 40, note: null, loggedAt: new Date('2026-11-17T03:00:00Z') }], CREATED);
    const second = await Store.open(path);
    const at = new Date('2026-11-17T08:30:00Z');
    await Promise.all([scheduler().tick(at), scheduler({ on: second }).tick(at)]);
    await scheduler().tick(new Date('2026-11-17T08:31:00Z'));
    await second.close();
    expect(dmsTo('UREP0001')).toHaveLength(1);
    expect(dmsTo('UREP0002')).toEqual([]);
    expect(slack.accepted('chat.postMessage').filter((c) => !String(c.body.channel).startsWith('D'))).toEqual([]);
  });
});
