/**
 * Issue 11, item 6: every button and every form checks again, against what is stored, that the
 * one who clicks or submits may act on what the payload names. Each action_id and callback_id is
 * sent, signed through the real receiver, as a rep of Tokyo, the manager of another team, and an
 * admin of another workspace, each aimed at Tokyo and its rep's 1on1. None of them may change or
 * see anything of Tokyo's; what is their own (their log form, their own log) still works.
 */
import { BUILT_INS } from '../harness/metrics.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { guardedState, workspaces } from '../harness/guarded-state.js';
import { blockAction, choice, text, users, viewSubmission, type StateValue } from '../harness/payloads.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';
import { day } from '../../src/domain/days.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import type { Team } from '../../src/store/index.js';
import { logModal } from '../../src/reports/views/log-modal.js';
import { metricModal } from '../../src/reports/views/metric-modal.js';
import { checkInModal, planModal } from '../../src/reports/views/oneonone-modals.js';
import { settingsModal } from '../../src/reports/views/settings-modal.js';
import { targetModal } from '../../src/reports/views/target-modal.js';
import { OUR_ACTIONS, OUR_FORMS } from '../../src/slack/listeners/unknown.js';

const NOW = new Date('2026-11-24T03:00:00Z');
/** The rep whose 1on1 plan and check-ins everyone below reaches for. */
const REP = REPS[1]!;
const ACTORS = {
  'a rep of Tokyo': { userId: REPS[0]!, teamId: 'T0001' },
  'the manager of another team': { userId: 'UMGR0002', teamId: 'T0001' },
  'an admin of another workspace': { userId: 'UADM0002', teamId: 'T0002' },
} as const;
type ActorName = keyof typeof ACTORS;

interface Cell {
  readonly id: string;
  readonly kind: 'action' | 'view';
  /**
   * `own`: the sender acts on their own things (their log form, or a target in their own
   * workspace), which is allowed; `refused` otherwise.
   */
  readonly outcome: 'own' | 'refused' | ((actor: ActorName) => 'own' | 'refused');
  readonly send: (t: TestBot, who: { userId: string; teamId: string }, tokyo: Team, trigger: string) => Promise<unknown>;
}

/** The reverse plan Tokyo's manager proposed (`/kpi plan … apply`), whose button everyone below clicks. */
let proposal = '';

const submit = (t: TestBot, view: Record<string, unknown>, values: Record<string, StateValue>, who: { userId: string; teamId: string }) =>
  t.interact(viewSubmission(view, values, who));

const CELLS: readonly Cell[] = [
  { id: 'kpi_open_log', kind: 'action', outcome: 'own', send: (t, who, _team, trigger) => t.interact(blockAction('kpi_open_log', { ...who, triggerId: trigger })) },
  { id: 'kpi_1on1_plan', kind: 'action', outcome: 'refused', send: (t, who, _team, trigger) => t.interact(blockAction('kpi_1on1_plan', { ...who, triggerId: trigger, value: REP })) },
  { id: 'kpi_plan_apply', kind: 'action', outcome: 'refused', send: (t, who, _team, trigger) => t.interact(blockAction('kpi_plan_apply', { ...who, triggerId: trigger, value: proposal })) },
  { id: 'kpi_checkin', kind: 'action', outcome: 'refused', send: (t, who, _team, trigger) => t.interact(blockAction('kpi_checkin', { ...who, triggerId: trigger, value: '2026-11-25' })) },
  {
    id: 'kpi_log',
    kind: 'view',
    outcome: 'own',
    send: (t, who) => submit(t, logModal('en', day('2026-11-24'), BUILT_INS) as never, { metric1: choice('calls'), amount1: text('5') }, who),
  },
  {
    id: 'kpi_settings',
    kind: 'view',
    outcome: 'refused',
    send: (t, who, tokyo) =>
      submit(t, settingsModal(tokyo, 'en') as never, { timezone: text('Asia/Tokyo'), language: choice('en'), daily: text('07:45'), weeklyDay: choice('1'), weeklyTime: text('09:00'), holidays: choice('jp'), catchup: text('3'), morningDm: choice('off'), checkIn: choice('off') }, who),
  },
  {
    id: 'kpi_target',
    kind: 'view',
    // An admin sets targets in their own workspace only: the person picked there is theirs.
    outcome: (actor) => (actor === 'an admin of another workspace' ? 'own' : 'refused'),
    send: (t, who) => submit(t, targetModal('en', BUILT_INS) as never, { metric: choice('calls'), amount: text('999'), period: choice('day'), who: choice('users'), people: users([REP]) }, who),
  },
  {
    id: 'kpi_1on1_plan',
    kind: 'view',
    outcome: 'refused',
    send: (t, who) => submit(t, planModal(REP, 'proposed', 'en') as never, { plan: text('do less') }, who),
  },
  {
    id: 'kpi_checkin',
    kind: 'view',
    outcome: 'refused',
    send: (t, who) => submit(t, checkInModal(day('2026-11-25'), 'en') as never, { wentWell: text('all of it'), wantHelp: text('none') }, who),
  },
  {
    id: 'kpi_metric',
    kind: 'view',
    // The workspace's metrics are defined by any of its managers and by admins (in their own workspace).
    outcome: (actor) => (actor === 'a rep of Tokyo' ? 'refused' : 'own'),
    send: (t, who) => submit(t, metricModal('en', BUILT_INS) as never, { name: text('demos'), kind: choice('flow'), unit: choice('count') }, who),
  },
];

describe('authorization on every action and view', () => {
  let t: TestBot;
  let tokyo: Team;
  beforeEach(async () => {
    t = await startTestBot({ clock: () => NOW, env: { KPI_LOCALE: 'en' } });
    tokyo = await seedTokyo(t.bot.store);
    await t.bot.store.teams.create({
      workspace: 'T0001',
      name: 'Osaka',
      channelId: 'COSAKA1',
      settings: defaultTeamSettings('Asia/Tokyo', 'en'),
      createdBy: 'UMGR0002',
      at: new Date('2026-11-01T00:00:00Z'),
      creatorJoinsAsManager: true,
    });
    await t.bot.store.oneonones.schedule({ workspace: 'T0001', rep: REP, manager: MANAGER, weekday: 3, minutes: 900, everyWeeks: 1, anchor: day('2026-11-25') }, MANAGER, NOW);
    await t.bot.store.oneonones.savePlan('T0001', REP, 'The plan only Tokyo’s manager may read', MANAGER, NOW, day('2026-11-20'), null);
    const asked = await t.reply('plan 10000000/month apply', { userId: MANAGER });
    proposal = /"action_id":"kpi_plan_apply","value":"([0-9a-f]{24})"/u.exec(JSON.stringify(asked.blocks))?.[1] ?? '';
    expect(proposal).not.toBe('');
    for (const { userId } of Object.values(ACTORS)) t.slack.users.set(userId, { id: userId, locale: 'en-US', tz: 'Asia/Tokyo', is_admin: userId === 'UADM0002' });
  });
  afterEach(async () => {
    await t.stop();
  });

  it('covers every button and form the bot renders', () => {
    expect(CELLS.filter((c) => c.kind === 'action').map((c) => c.id).sort()).toEqual([...OUR_ACTIONS].sort());
    expect(CELLS.filter((c) => c.kind === 'view').map((c) => c.id).sort()).toEqual([...OUR_FORMS].sort());
  });

  const cells = CELLS.flatMap((cell) =>
    (Object.keys(ACTORS) as ActorName[]).map((actor) => ({ ...cell, actor, outcome: typeof cell.outcome === 'function' ? cell.outcome(actor) : cell.outcome, label: `${cell.kind} ${cell.id}` })),
  );

  it.each(cells)('$label as $actor: $outcome', async ({ actor, kind, outcome, send }) => {
    const who = ACTORS[actor];
    const before = await guardedState(t.bot.store, 'T0001', [who.userId]);
    const holdsBefore = await workspaces(t.bot.store);
    const trigger = `trig-${Math.random().toString(36).slice(2)}`;
    const answer = (await send(t, who, tokyo, trigger)) as { status: number; body: { response_action?: string; errors?: Record<string, string> } | null };
    expect(answer.status).toBe(200);

    if (kind === 'action') {
      const opened = (await t.slack.waitFor('views.open', (c) => c.body.trigger_id === trigger)).body.view as { callback_id?: string; blocks: unknown[] };
      const shown = JSON.stringify(opened.blocks);
      expect(shown).not.toContain('The plan only Tokyo’s manager may read');
      if (outcome === 'refused') {
        // A refusal is said in a plain modal, not the form.
        expect(opened.callback_id).toBeUndefined();
        expect(shown).toMatch(/is for the manager of \*Tokyo\*|not someone the bot knows in this workspace|not one the bot knows in this workspace|No 1on1 is scheduled for you/u);
      } else {
        expect(opened.callback_id).toBe('kpi_log');
      }
    } else if (outcome === 'refused') {
      expect(answer.body?.response_action).toBe('errors');
      if (kind === 'view') expect((await t.bot.store.metrics.catalog(who.teamId)).get('demos')).toBeUndefined();
    }

    expect(await guardedState(t.bot.store, 'T0001', [who.userId])).toEqual(before);
    if (outcome === 'refused') expect(await workspaces(t.bot.store)).toEqual(holdsBefore);
    // The admin's own workspace holds no plan or check-in for Tokyo's rep either.
    expect(await guardedState(t.bot.store, 'T0002', [who.userId])).toMatchObject({ plans: [], checkins: [], teams: [] });
  });
});
