import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import type { Day } from '../../src/domain/days.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { Sender } from '../../src/scheduler/sender.js';
import { SlackClient } from '../../src/slack/client.js';
import { Store, type Team } from '../../src/store/index.js';

const logger = createLogger('error');
const MEMBERS = ['U001', 'U002', 'U003'];

interface World {
  store: Store;
  slack: FakeSlack;
  team: Team;
  dir: ReturnType<typeof tempDir>;
  path: string;
}

async function world(zone = 'Asia/Tokyo', locale: 'en' | 'ja' = 'en'): Promise<World> {
  const dir = tempDir();
  const path = `${dir.path}/kpi.sqlite`;
  const store = await Store.open(path);
  const slack = await new FakeSlack().start();
  const team = (await store.teams.create({
    workspace: 'T0001',
    name: 'Sales',
    channelId: 'CSALES1',
    settings: { ...defaultTeamSettings(zone, locale), timezone: zone, holidays: zone === 'Asia/Tokyo' ? 'jp' : 'none' },
    createdBy: 'UMGR001',
    at: new Date('2026-10-01T00:00:00Z'),
    creatorJoinsAsManager: true,
  }))!;
  await store.teams.addMembers(team, MEMBERS, 'rep', new Date('2026-10-01T00:00:00Z'));
  await store.targets.set(
    'T0001',
    MEMBERS.map((u) => ({ scope: 'person' as const, subject: u, metric: 'calls' as const, value: 40, period: 'day' as const, effectiveFrom: '2026-10-01' as Day })),
    'UMGR001',
    new Date('2026-10-01T00:00:00Z'),
    'command',
  );
  return { store, slack, team, dir, path };
}

function schedulerFor(w: World, store = w.store, now: { at: Date }, timeoutMs?: number) {
  const chat = new SlackClient({ token: 'xoxb-test', apiUrl: w.slack.url, logger, ...(timeoutMs ? { timeoutMs } : {}) });
  return new Scheduler({ store, chat, clock: () => now.at, logger, defaultLocale: 'en', defaultZone: 'Asia/Tokyo', sender: new Sender(chat, { sleep: async () => undefined }) });
}

/** Posts to the team channel. */
function channelPosts(slack: FakeSlack) {
  return slack.accepted('chat.postMessage').filter((c) => c.body.channel === 'CSALES1').map((c) => ({ text: String(c.body.text) }));
}

describe('the scheduler with a fake clock', () => {
  let w: World;
  afterEach(async () => {
    await w.store.close();
    await w.slack.stop();
    w.dir.remove();
  });

  describe('in Asia/Tokyo', () => {
    beforeEach(async () => {
      w = await world();
    });

    it('runs a whole November: a digest and a DM per member each workday, none on weekends and holidays, the weekly review on Tuesday the 24th', async () => {
      const now = { at: new Date('2026-10-31T15:00:00Z') };
      const scheduler = schedulerFor(w, w.store, now);
      const sentAt: { kind: string; day: string; time: string }[] = [];
      for (let t = now.at.getTime(); t < new Date('2026-11-30T15:00:00Z').getTime(); t += 10 * 60 * 1000) {
        now.at = new Date(t);
        for (const o of await scheduler.tick(now.at)) {
          if (o.result === 'sent') sentAt.push({ kind: o.key.kind, day: o.key.periodKey, time: now.at.toISOString() });
        }
      }
      const dailies = sentAt.filter((s) => s.kind === 'daily').map((s) => s.day);
      expect(dailies).toHaveLength(19);
      expect(new Set(dailies).size).toBe(19);
      expect(dailies).not.toContain('2026-11-03');
      expect(dailies).not.toContain('2026-11-23');
      expect(dailies).not.toContain('2026-11-07');
      expect(sentAt.filter((s) => s.kind === 'daily').every((s) => s.time.endsWith('T00:00:00.000Z'))).toBe(true);
      const dms = sentAt.filter((s) => s.kind === 'dm');
      expect(dms).toHaveLength(19 * (MEMBERS.length + 1));
      const weeklies = sentAt.filter((s) => s.kind === 'weekly').map((s) => s.day);
      expect(weeklies).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-24', '2026-11-30']);
      // The month's first workday (Mon 2 November) also reviews October and kicks off November, once each.
      expect(sentAt.filter((s) => s.kind === 'monthly').map((s) => [s.day, s.time])).toEqual([['2026-10', '2026-11-02T00:00:00.000Z']]);
      expect(sentAt.filter((s) => s.kind === 'kickoff').map((s) => [s.day, s.time])).toEqual([['2026-11', '2026-11-02T00:00:00.000Z']]);
      const posts = channelPosts(w.slack);
      expect(posts.filter((p) => p.text.includes('Weekly review · Sales · Mon 16 Nov – Sun 22 Nov'))).toHaveLength(1);
      expect(posts).toHaveLength(19 + 5 + 2);
    }, 60_000);

    it('posts nothing twice across restarts at 08:59 and 09:00:30', async () => {
      const now = { at: new Date('2026-11-24T23:59:00Z') };
      await schedulerFor(w, w.store, now).tick(new Date('2026-11-24T23:59:00Z'));
      await schedulerFor(w, w.store, now).tick(new Date('2026-11-25T00:00:00Z'));
      await schedulerFor(w, w.store, now).tick(new Date('2026-11-25T00:00:30Z'));
      await schedulerFor(w, w.store, now).tick(new Date('2026-11-25T00:05:00Z'));
      const posts = channelPosts(w.slack);
      expect(posts).toHaveLength(1);
      expect(w.slack.callsTo('chat.postMessage')).toHaveLength(1 + MEMBERS.length + 1);
    });

    it('sends the digest late when the bot comes back within the catch-up window', async () => {
      const now = { at: new Date('2026-11-25T01:30:00Z') }; // 10:30 in Tokyo, down since 08:00
      const outcomes = await schedulerFor(w, w.store, now).tick(now.at);
      expect(outcomes.find((o) => o.key.kind === 'daily' && o.key.periodKey === '2026-11-25')).toMatchObject({ result: 'sent' });
      expect(channelPosts(w.slack)).toHaveLength(1);
    });

    it('skips the digest past the catch-up window and records why', async () => {
      const now = { at: new Date('2026-11-25T04:00:00Z') }; // 13:00 in Tokyo: 4 hours late, window 3
      const outcomes = await schedulerFor(w, w.store, now).tick(now.at);
      expect(outcomes.find((o) => o.key.kind === 'daily' && o.key.periodKey === '2026-11-25')).toMatchObject({ result: 'skipped' });
      expect(channelPosts(w.slack)).toHaveLength(0);
      const [skipped] = await w.store.deliveries.list({ kind: 'daily', periodKey: '2026-11-25' });
      expect(skipped).toMatchObject({ status: 'skipped', periodKey: '2026-11-25' });
      expect(skipped!.reason).toContain('catch-up window (3 h)');
      await schedulerFor(w, w.store, now).tick(new Date('2026-11-25T04:10:00Z'));
      expect(channelPosts(w.slack)).toHaveLength(0);
    });

    it('a missed slot, once recorded, is not looked at again on later ticks', async () => {
      const now = { at: new Date('2026-11-25T04:00:00Z') }; // 13:00 in Tokyo: the 09:00 slots are missed
      const scheduler = schedulerFor(w, w.store, now);
      await scheduler.tick(now.at);
      let membersRead = 0;
      const members = w.store.teams.members.bind(w.store.teams);
      w.store.teams.members = (id) => {
        membersRead += 1;
        return members(id);
      };
      for (let minute = 1; minute <= 5; minute += 1) await scheduler.tick(new Date(now.at.getTime() + minute * 60_000));
      expect(membersRead).toBe(0);
      expect(channelPosts(w.slack)).toHaveLength(0);
    });

    it('two processes on one database post each digest once', async () => {
      const second = await Store.open(w.path);
      const now = { at: new Date('2026-11-25T00:00:00Z') };
      const a = schedulerFor(w, w.store, now);
      const b = schedulerFor(w, second, now);
      await Promise.all([a.tick(now.at), b.tick(now.at), a.tick(now.at), b.tick(now.at)]);
      await second.close();
      expect(channelPosts(w.slack)).toHaveLength(1);
      const dmCounts = new Map<string, number>();
      for (const c of w.slack.callsTo('conversations.open')) dmCounts.set(String(c.body.users), (dmCounts.get(String(c.body.users)) ?? 0) + 1);
      expect([...dmCounts.values()].every((n) => n === 1)).toBe(true);
    });

    it('reports a broken channel once to the manager and keeps serving other teams', async () => {
      const other = (await w.store.teams.create({
        workspace: 'T0001',
        name: 'Other',
        channelId: 'COTHER1',
        settings: defaultTeamSettings('Asia/Tokyo', 'en'),
        createdBy: 'UMGR002',
        at: new Date('2026-10-01T00:00:00Z'),
        creatorJoinsAsManager: true,
      }))!;
      expect(other).toBeTruthy();
      w.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
      const now = { at: new Date('2026-11-25T00:00:00Z') };
      const scheduler = schedulerFor(w, w.store, now);
      await scheduler.tick(now.at);
      await scheduler.tick(new Date('2026-11-25T00:10:00Z'));
      await schedulerFor(w, w.store, now).tick(new Date('2026-11-26T00:00:00Z'));
      const alerts = w.slack.callsTo('chat.postMessage').filter((c) => String(c.body.text).includes('could not be posted'));
      expect(alerts).toHaveLength(1);
      expect(String(alerts[0]!.body.text)).toContain('invite it there');
      expect(w.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'COTHER1')).toHaveLength(2);
      const [failed] = await w.store.deliveries.list({ kind: 'daily', periodKey: '2026-11-25' });
      expect(failed).toMatchObject({ status: 'failed', reason: 'not_in_channel' });
    });

    it('skips a deactivated member without retrying, and marks them inactive', async () => {
      w.slack.failNext('conversations.open', { error: 'account_inactive' });
      const now = { at: new Date('2026-11-25T00:00:00Z') };
      const outcomes = await schedulerFor(w, w.store, now).tick(now.at);
      const skipped = outcomes.filter((o) => o.key.kind === 'dm' && o.key.periodKey === '2026-11-25' && o.result === 'skipped');
      expect(skipped).toHaveLength(1);
      const person = await w.store.people.get('T0001', skipped[0]!.key.subject);
      expect(person?.isActive).toBe(false);
    });

    it('retries later what Slack could not take now, still exactly once', async () => {
      w.slack.failNext('chat.postMessage', { status: 503 }, 5);
      const now = { at: new Date('2026-11-25T00:00:00Z') };
      const scheduler = schedulerFor(w, w.store, now);
      const first = await scheduler.tick(now.at);
      expect(first.find((o) => o.key.kind === 'daily' && o.key.periodKey === '2026-11-25')).toMatchObject({ result: 'retry' });
      await scheduler.tick(new Date('2026-11-25T00:02:00Z'));
      await scheduler.tick(new Date('2026-11-25T00:06:00Z'));
      await scheduler.tick(new Date('2026-11-25T00:12:00Z'));
      expect(channelPosts(w.slack).filter((p) => p.text.includes('☀️'))).toHaveLength(1);
      expect((await w.store.deliveries.list({ kind: 'daily', periodKey: '2026-11-25' }))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    });
  });

  describe('a delivery left waiting for a retry when the bot stops, until past the catch-up window', () => {
    beforeEach(async () => {
      w = await world();
      // Slack takes the digest but never answers, then cannot answer the lookups either.
      w.slack.clock = () => new Date('2026-11-25T00:00:00Z').getTime();
      w.slack.failNext('chat.postMessage', { takeThenHang: true });
      w.slack.failNext('conversations.history', { status: 503 }, 4);
    });

    async function tickAt0900ThenStop() {
      const now = { at: new Date('2026-11-25T00:00:00Z') };
      // A short timeout, but long enough that the calls Slack does answer are not cut off on a slow machine.
      const first = await schedulerFor(w, w.store, now, 1500).tick(now.at);
      expect(first.find((o) => o.key.kind === 'daily' && o.key.periodKey === '2026-11-25')).toMatchObject({ result: 'retry' });
      expect(w.slack.callsTo('conversations.history')).toHaveLength(4);
      expect((await w.store.deliveries.list({ kind: 'daily', periodKey: '2026-11-25' }))[0]).toMatchObject({ status: 'retry' });
    }

    it('is recorded sent, with its ts, when Slack has it: nothing is posted again', async () => {
      await tickAt0900ThenStop();
      const later = { at: new Date('2026-11-25T04:00:00Z') }; // 13:00 in Tokyo, past the 3 h window
      const outcomes = await schedulerFor(w, w.store, later).tick(later.at);
      expect(outcomes.find((o) => o.key.kind === 'daily' && o.key.periodKey === '2026-11-25')).toMatchObject({ result: 'sent' });
      expect(channelPosts(w.slack).filter((p) => p.text.includes('☀️'))).toHaveLength(1);
      const [digest] = await w.store.deliveries.list({ kind: 'daily', periodKey: '2026-11-25' });
      expect(digest).toMatchObject({ status: 'sent', channel: 'CSALES1', ts: w.slack.posted.get('CSALES1')![0]!.ts });
    });

    it('is recorded failed, with the reason, when Slack does not have it', async () => {
      await tickAt0900ThenStop();
      w.slack.posted.delete('CSALES1');
      const later = { at: new Date('2026-11-25T04:00:00Z') };
      const outcomes = await schedulerFor(w, w.store, later).tick(later.at);
      expect(outcomes.find((o) => o.key.kind === 'daily' && o.key.periodKey === '2026-11-25')).toMatchObject({ result: 'failed' });
      const [digest] = await w.store.deliveries.list({ kind: 'daily', periodKey: '2026-11-25' });
      expect(digest).toMatchObject({ status: 'failed' });
      expect(digest!.reason).toBe('Slack stayed unavailable through the catch-up window (Slack answered 503)');
      expect(w.slack.callsTo('conversations.history')).toHaveLength(5);
      expect(channelPosts(w.slack).filter((p) => p.text.includes('☀️'))).toHaveLength(1);
    });

    it('is recorded failed, saying so, when Slack cannot say whether it has it', async () => {
      await tickAt0900ThenStop();
      w.slack.failNext('conversations.history', { status: 503 });
      const later = { at: new Date('2026-11-25T04:00:00Z') };
      const outcomes = await schedulerFor(w, w.store, later).tick(later.at);
      expect(outcomes.find((o) => o.key.kind === 'daily' && o.key.periodKey === '2026-11-25')).toMatchObject({ result: 'failed' });
      const [digest] = await w.store.deliveries.list({ kind: 'daily', periodKey: '2026-11-25' });
      expect(digest!.reason).toBe('Slack stayed unavailable through the catch-up window (Slack answered 503); whether Slack has it could not be checked: Slack answered 503');
      expect(channelPosts(w.slack).filter((p) => p.text.includes('☀️'))).toHaveLength(1);
    });

    it('two processes settle it once, the same way', async () => {
      await tickAt0900ThenStop();
      const second = await Store.open(w.path);
      const later = { at: new Date('2026-11-25T04:00:00Z') };
      const [a, b] = await Promise.all([schedulerFor(w, w.store, later).tick(later.at), schedulerFor(w, second, later).tick(later.at)]);
      await second.close();
      const settledBy = [...a, ...b].filter((o) => o.key.kind === 'daily' && o.key.periodKey === '2026-11-25');
      expect(settledBy).toEqual([expect.objectContaining({ result: 'sent' })]);
      expect((await w.store.deliveries.list({ kind: 'daily', periodKey: '2026-11-25' }))[0]).toMatchObject({ status: 'sent' });
      expect(w.slack.callsTo('conversations.history')).toHaveLength(5);
    });
  });

  describe('in America/New_York across the change from daylight saving', () => {
    beforeEach(async () => {
      w = await world('America/New_York');
    });

    it('sends at 09:00 local on both sides of 1 November 2026', async () => {
      const now = { at: new Date('2026-10-29T00:00:00Z') };
      const scheduler = schedulerFor(w, w.store, now);
      for (let t = now.at.getTime(); t < new Date('2026-11-04T00:00:00Z').getTime(); t += 10 * 60 * 1000) await scheduler.tick(new Date(t));
      const dailies = (await w.store.deliveries.list({ kind: 'daily' })).filter((d) => d.status === 'sent');
      expect(dailies.map((d) => [d.periodKey, d.slotAt.toISOString()])).toEqual([
        ['2026-10-29', '2026-10-29T13:00:00.000Z'],
        ['2026-10-30', '2026-10-30T13:00:00.000Z'],
        ['2026-11-02', '2026-11-02T14:00:00.000Z'],
        ['2026-11-03', '2026-11-03T14:00:00.000Z'],
      ]);
    }, 30_000);
  });
});
