import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';
import type { Day } from '../../src/domain/days.js';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { Sender } from '../../src/scheduler/sender.js';
import { SlackClient } from '../../src/slack/client.js';
import { Store } from '../../src/store/index.js';

const logger = createLogger('error');
const REP = REPS[0]!;

describe('1on1 preps on the scheduler, with a fake clock', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  let slack: FakeSlack;
  beforeEach(async () => {
    dir = tempDir();
    store = await Store.open(`${dir.path}/kpi.sqlite`);
    slack = await new FakeSlack().start();
    await seedTokyo(store);
    // Weekly on Fridays at 15:00 Tokyo; Friday 2026-03-20 is a holiday (春分の日).
    await store.oneonones.schedule({ workspace: 'T0001', rep: REP, manager: MANAGER, weekday: 5, minutes: 15 * 60, everyWeeks: 1, anchor: '2026-03-06' as Day }, MANAGER, new Date('2026-03-01T00:00:00Z'));
  });
  afterEach(async () => {
    await store.close();
    await slack.stop();
    dir.remove();
  });

  const scheduler = () => {
    const chat = new SlackClient({ token: 'xoxb-test', apiUrl: slack.url, logger });
    return new Scheduler({ store, chat, clock: () => new Date(), logger, defaultLocale: 'en', defaultZone: 'Asia/Tokyo', sender: new Sender(chat, { sleep: async () => undefined }) });
  };

  it('sends one prep at 13:00 each Friday, a note instead on a holiday Friday, and a check-in to the rep the day before', async () => {
    const s = scheduler();
    const sent: { kind: string; day: string; at: string }[] = [];
    for (let t = new Date('2026-03-04T15:00:00Z').getTime(); t < new Date('2026-03-28T00:00:00Z').getTime(); t += 10 * 60 * 1000) {
      for (const o of await s.tick(new Date(t))) {
        if (o.result === 'sent' && (o.key.kind === 'oneonone' || o.key.kind === 'checkin')) sent.push({ kind: o.key.kind, day: o.key.periodKey, at: new Date(t).toISOString() });
      }
    }
    expect(sent.filter((x) => x.kind === 'oneonone')).toEqual([
      { kind: 'oneonone', day: '2026-03-06', at: '2026-03-06T04:00:00.000Z' },
      { kind: 'oneonone', day: '2026-03-13', at: '2026-03-13T04:00:00.000Z' },
      { kind: 'oneonone', day: '2026-03-20', at: '2026-03-20T04:00:00.000Z' },
      { kind: 'oneonone', day: '2026-03-27', at: '2026-03-27T04:00:00.000Z' },
    ]);
    const toManager = slack.accepted('chat.postMessage').filter((c) => c.body.channel === `D${MANAGER.slice(1)}`).map((c) => String(c.body.text));
    const preps = toManager.filter((text) => text.startsWith('1on1 prep'));
    expect(preps).toHaveLength(3);
    expect(toManager.filter((text) => text.includes('it is a holiday (Vernal Equinox Day)'))).toHaveLength(1);
    expect(sent.filter((x) => x.kind === 'checkin').map((x) => [x.day, x.at])).toEqual([
      ['2026-03-06', '2026-03-05T06:00:00.000Z'],
      ['2026-03-13', '2026-03-12T06:00:00.000Z'],
      ['2026-03-27', '2026-03-26T06:00:00.000Z'],
    ]);
  }, 60_000);

  it('never sends a prep twice across a restart', async () => {
    await scheduler().tick(new Date('2026-03-13T04:00:00Z'));
    await scheduler().tick(new Date('2026-03-13T04:00:30Z'));
    await scheduler().tick(new Date('2026-03-13T04:10:00Z'));
    const preps = slack.accepted('chat.postMessage').filter((c) => String(c.body.text).startsWith('1on1 prep'));
    expect(preps).toHaveLength(1);
  });
});
