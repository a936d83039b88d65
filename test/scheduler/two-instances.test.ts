/**
 * Two instances of the bot on one PostgreSQL database, each with its own store (its own pool, its own
 * write queue, as two processes have) and its own scheduler ticking every ten minutes of a fake week,
 * both at once; either is restarted now and then, sometimes while the other ticks. Every digest,
 * review, DM, reminder, check-in and 1on1 prep goes out exactly once: the claims live in the database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshPgUrl } from '../harness/backends.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';
import type { Day } from '../../src/domain/days.js';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { Sender } from '../../src/scheduler/sender.js';
import { SlackClient } from '../../src/slack/client.js';
import { Store } from '../../src/store/index.js';

const logger = createLogger('error');

interface Instance {
  readonly name: string;
  store: Store;
  scheduler: Scheduler;
  restarts: number;
}

describe('two bot instances on one PostgreSQL database, through a week with restarts', () => {
  let url: string;
  let slack: FakeSlack;
  const instances: Instance[] = [];

  async function start(name: string, restarts = 0): Promise<Instance> {
    const store = await Store.open(url);
    const chat = new SlackClient({ token: 'xoxb-test', apiUrl: slack.url, logger });
    const scheduler = new Scheduler({ store, chat, instanceId: `${name}${restarts}`, clock: () => new Date(), logger, defaultLocale: 'en', defaultZone: 'Asia/Tokyo', sender: new Sender(chat, { sleep: async () => undefined }) });
    return { name, store, scheduler, restarts };
  }

  async function restart(i: Instance): Promise<void> {
    await i.scheduler.idle();
    await i.store.close();
    const again = await start(i.name, i.restarts + 1);
    i.store = again.store;
    i.scheduler = again.scheduler;
    i.restarts = again.restarts;
  }

  beforeEach(async () => {
    url = await freshPgUrl();
    slack = await new FakeSlack().start();
    const setup = await Store.open(url);
    const team = await seedTokyo(setup);
    await setup.teams.updateSettings(team, { reminderTime: 17 * 60 + 30 });
    // Thursdays at 15:00 Tokyo: the prep at 13:00, the rep's check-in the day before.
    await setup.oneonones.schedule({ workspace: 'T0001', rep: REPS[0]!, manager: MANAGER, weekday: 4, minutes: 15 * 60, everyWeeks: 1, anchor: '2026-11-05' as Day }, MANAGER, new Date('2026-11-01T00:00:00Z'));
    await setup.close();
    instances.push(await start('A'), await start('B'));
  });
  afterEach(async () => {
    for (const i of instances.splice(0)) await i.store.close();
    await slack.stop();
  });

  it('posts every scheduled message exactly once', async () => {
    const [a, b] = instances as [Instance, Instance];
    const from = new Date('2026-11-15T15:00:00Z').getTime(); // Monday 16 November, 00:00 in Tokyo
    const to = new Date('2026-11-22T15:00:00Z').getTime();
    let round = 0;
    for (let t = from; t < to; t += 10 * 60_000, round += 1) {
      const at = new Date(t);
      // Now and then one restarts between ticks, or while the other is ticking; at 09:00 both tick twice.
      if (round % 97 === 50) await restart(a);
      if (round % 131 === 70) await restart(b);
      const ticks = [a.scheduler.tick(at), b.scheduler.tick(at)];
      if (round % 89 === 30) ticks.push(restart(a).then(() => []));
      if (at.getUTCHours() === 0 && at.getUTCMinutes() === 0) ticks.push(a.scheduler.tick(at), b.scheduler.tick(new Date(t + 30_000)));
      await Promise.all(ticks);
    }
    expect(a.restarts + b.restarts).toBeGreaterThanOrEqual(4);

    const deliveries = await a.store.deliveries.list();
    const byKind = (kind: string) => deliveries.filter((d) => d.kind === kind);
    expect(deliveries.filter((d) => d.status !== 'sent')).toEqual([]);
    expect(byKind('daily').map((d) => d.periodKey)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    expect(byKind('weekly').map((d) => d.periodKey)).toEqual(['2026-11-16']);
    expect(byKind('dm')).toHaveLength(5 * (REPS.length + 1));
    expect(byKind('oneonone').map((d) => d.periodKey)).toEqual(['2026-11-19']);
    expect(byKind('checkin').map((d) => d.periodKey)).toEqual(['2026-11-19']);
    // Evening reminders Monday to Thursday: on Friday the 20th every rep has logged (seedTokyo).
    expect(byKind('reminder')).toHaveLength(4 * REPS.length);
    // Both instances did their share of the sending.
    expect(new Set(deliveries.map((d) => d.claimedBy[0]))).toEqual(new Set(['A', 'B']));

    // Slack took each message once: one accepted post per delivery key, and none without a key.
    const posts = slack.accepted('chat.postMessage');
    const keys = posts.map((p) => ((p.body.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? null));
    expect(keys.filter((k) => k === null)).toEqual([]);
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k!, (counts.get(k!) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(posts).toHaveLength(deliveries.length);
  }, 180_000);
});
