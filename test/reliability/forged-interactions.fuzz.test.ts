/**
 * 1,000 forged interactive payloads (clicks and form submissions), generated from a fixed seed and
 * signed as Slack signs them, from three people with no right over Tokyo: one of its reps, the
 * manager of another team, and an admin of another workspace. Buttons and forms name Tokyo's
 * things (its team number, its rep's plan, a check-in) with values of every shape, and the
 * payloads lose or garble their workspace, user, view and fields. Every one is answered (200, or
 * 400 for a payload that does not say who sent it), never with an internal error; Tokyo's things
 * stay exactly as they were; no workspace appears; nothing is half-written.
 */
import { BUILT_INS } from '../harness/metrics.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, tempDir, type TestBot } from '../harness/bot.js';
import { dbFacts } from '../harness/db-facts.js';
import { workspaces } from '../harness/guarded-state.js';
import { blockAction, initialValues, viewSubmission, type StateValue } from '../harness/payloads.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';
import { interactivityBody, postSigned } from '../harness/signing.js';
import { day } from '../../src/domain/days.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import { messages } from '../../src/i18n/index.js';
import type { Store, Team } from '../../src/store/index.js';
import { logModal } from '../../src/reports/views/log-modal.js';
import { metricModal } from '../../src/reports/views/metric-modal.js';
import { checkInModal, planModal } from '../../src/reports/views/oneonone-modals.js';
import { settingsModal } from '../../src/reports/views/settings-modal.js';
import { targetModal } from '../../src/reports/views/target-modal.js';

const SEED = 11_2026;
const PAYLOADS = 1000;
/** Payloads in flight together, as Slack sends clicks from several people at once. */
const BATCH = 10;
/** The payloads' time budget: the property stops and fails rather than run on past it. */
const BUDGET_MS = 90_000;
const NOW = new Date('2026-11-24T03:00:00Z');
/** Tokyo's rep whose 1on1, plan and check-ins the payloads reach for. */
const VICTIM = REPS[1]!;
const SENDERS = [
  { userId: REPS[0]!, teamId: 'T0001' },
  { userId: 'UMGR0002', teamId: 'T0001' },
  { userId: 'UADM0002', teamId: 'T0002' },
] as const;
const SENDER_IDS: readonly string[] = SENDERS.map((s) => s.userId);

/** What of Tokyo's only its manager or an admin of its workspace may change. */
async function tokyoState(store: Store, tokyo: number): Promise<unknown> {
  return store.write(async (tx) => ({
    team: await tx.all('SELECT * FROM teams WHERE id = ?', [tokyo]),
    members: await tx.all('SELECT team_id, user_id, kpi_team, role FROM people WHERE kpi_team = ? OR user_id = ? ORDER BY user_id', [tokyo, VICTIM]),
    targets: await tx.all(
      "SELECT * FROM targets WHERE team_id = 'T0001' AND ((scope = 'team' AND subject = ?) OR (scope = 'person' AND subject IN (SELECT user_id FROM people WHERE kpi_team = ?))) ORDER BY id",
      [String(tokyo), tokyo],
    ),
    tree: await tx.all('SELECT * FROM kpi_tree_nodes WHERE kpi_team = ?', [tokyo]),
    oneonones: await tx.all("SELECT * FROM oneonones WHERE team_id = 'T0001' ORDER BY rep"),
    plans: await tx.all("SELECT rep, text, saved_by FROM action_plans WHERE team_id = 'T0001' ORDER BY id"),
    // No one of the senders has a 1on1, so no check-in may appear anywhere.
    checkins: await tx.all('SELECT * FROM checkins ORDER BY team_id, rep, meeting_day'),
    // Nor a plan for Tokyo's rep in another workspace.
    plansElsewhere: await tx.all("SELECT team_id, rep FROM action_plans WHERE team_id <> 'T0001' AND rep = ?", [VICTIM]),
    entries: await tx.all(
      "SELECT user_id, metric, value, day, undone_at FROM entries WHERE team_id = 'T0001' AND user_id NOT IN (SELECT value FROM json_each(?)) ORDER BY id",
      [JSON.stringify(SENDER_IDS)],
    ),
  }));
}

// ───────────────────────────── what the payloads are made of

const odd = fc.oneof(
  fc.constantFrom(null, undefined, '', 0, -1, 1e308, true, [], {}, '__proto__', 'constructor', 'x'.repeat(5000), '<@U0001>', '{"team":1}', '💥'),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

/** A button's value: the victim, someone else, a day, or something that is none of these. */
const buttonValue = fc.oneof(fc.constantFrom(VICTIM, MANAGER, REPS[0]!, 'UADM0002', 'UNOBODY1', '2026-11-25', '2027-02-30', 'U0', 'W12345'), odd);

/** A form's private_metadata, aimed at Tokyo, at another team, or garbled. */
const metadata = (tokyo: number, osaka: number) =>
  fc.oneof(
    fc.constantFrom(
      JSON.stringify({ team: tokyo }),
      JSON.stringify({ team: osaka }),
      JSON.stringify({ team: 99_999 }),
      JSON.stringify({ team: String(tokyo) }),
      JSON.stringify({ team: -tokyo }),
      JSON.stringify({ rep: VICTIM }),
      JSON.stringify({ rep: MANAGER }),
      JSON.stringify({ rep: 'not-a-user' }),
      JSON.stringify({ day: '2026-11-25' }),
      JSON.stringify({ day: '9999-99-99' }),
      JSON.stringify({ team: tokyo, rep: VICTIM, day: '2026-11-25' }),
      'null',
      '[]',
      '{',
    ),
    odd.map((v) => (typeof v === 'string' ? v : JSON.stringify(v ?? null))),
  );

/** One input's value: as the form would send it, or of another type than its field's. */
const inputValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    { type: 'plain_text_input', value: '07:45' },
    { type: 'plain_text_input', value: 'Asia/Tokyo' },
    { type: 'plain_text_input', value: '45' },
    { type: 'plain_text_input', value: 'y'.repeat(2500) },
    { type: 'static_select', selected_option: { value: 'calls' } },
    { type: 'static_select', selected_option: { value: 'users' } },
    { type: 'static_select', selected_option: { value: 'en' } },
    { type: 'static_select', selected_option: null },
    { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '7' }] },
    { type: 'multi_users_select', selected_users: [VICTIM, MANAGER] },
    { type: 'datepicker', selected_date: '2026-11-24' },
    { type: 'datepicker', selected_date: '2027-01-01' },
  ),
  fc.record({ type: fc.constantFrom('plain_text_input', 'static_select', 'checkboxes', 'multi_users_select', 'datepicker'), value: odd, selected_option: odd, selected_options: odd, selected_users: odd, selected_date: odd }, { requiredKeys: ['type'] }),
  odd,
);

const BLOCKS = ['timezone', 'language', 'daily', 'weeklyDay', 'weeklyTime', 'workdays', 'holidays', 'catchup', 'morningDm', 'checkIn', 'lead', 'metric', 'amount', 'period', 'who', 'people', 'plan', 'wentWell', 'wantHelp', 'metric1', 'amount1', 'day', 'note', 'unknown'];
const stateValues = fc.dictionary(fc.constantFrom(...BLOCKS), inputValue, { maxKeys: 8 });

type Loose = Record<string, unknown>;

/** Ways a payload loses or garbles who sent it and what it carries. */
const damage = fc.oneof(
  { weight: 8, arbitrary: fc.constant('none') },
  { weight: 1, arbitrary: fc.constantFrom('no team', 'no user id', 'bad user id', 'team as text', 'no view', 'no state', 'state not a map') },
);

function damaged(payload: Loose, how: string): Loose {
  const p = structuredClone(payload) as Record<string, Loose>;
  const user = p.user as Loose;
  const view = p.view as Loose | undefined;
  switch (how) {
    case 'no team':
      delete p.team;
      delete user.team_id;
      if (view) delete view.team_id;
      break;
    case 'no user id':
      delete user.id;
      break;
    case 'bad user id':
      user.id = 'robert); DROP TABLE entries;--';
      break;
    case 'team as text':
      (p as Loose).team = 'T0001';
      delete user.team_id;
      if (view) delete view.team_id;
      break;
    case 'no view':
      if ((p as Loose).type === 'view_submission') delete p.view;
      break;
    case 'no state':
      if (view) delete view.state;
      break;
    case 'state not a map':
      if (view) view.state = { values: "calls 5" };
      break;
  }
  return p;
}

describe('1,000 forged interactive payloads (seeded fuzz)', () => {
  let t: TestBot;
  let tokyo: Team;
  let osaka: Team;
  const dir = tempDir();
  const path = `${dir.path}/kpi.sqlite`;
  beforeAll(async () => {
    t = await startTestBot({ dbPath: path, clock: () => NOW, env: { KPI_LOCALE: 'en' } });
    tokyo = await seedTokyo(t.bot.store);
    osaka = (await t.bot.store.teams.create({ workspace: 'T0001', name: 'Osaka', channelId: 'COSAKA1', settings: defaultTeamSettings('Asia/Tokyo', 'en'), createdBy: 'UMGR0002', at: NOW, creatorJoinsAsManager: true }))!;
    await t.bot.store.oneonones.schedule({ workspace: 'T0001', rep: VICTIM, manager: MANAGER, weekday: 3, minutes: 900, everyWeeks: 1, anchor: day('2026-11-25') }, MANAGER, NOW);
    await t.bot.store.oneonones.savePlan('T0001', VICTIM, 'The plan only Tokyo’s manager may read', MANAGER, NOW, day('2026-11-20'), null);
    for (const { userId } of SENDERS) t.slack.users.set(userId, { id: userId, locale: 'en-US', tz: 'Asia/Tokyo', is_admin: userId === 'UADM0002' });
  });
  afterAll(async () => {
    dir.remove();
  });

  it('each is answered 200 or 400, never with an internal error; Tokyo’s things are untouched; no workspace appears; nothing is half-written', async () => {
    const before = await tokyoState(t.bot.store, tokyo.id);
    const views = {
      kpi_settings: settingsModal(tokyo, 'en'),
      kpi_target: targetModal('en', BUILT_INS),
      kpi_1on1_plan: planModal(VICTIM, 'proposed', 'en'),
      kpi_checkin: checkInModal(day('2026-11-25'), 'en'),
      kpi_log: logModal('en', day('2026-11-24'), BUILT_INS),
      kpi_metric: metricModal('en', BUILT_INS),
    } as unknown as Record<string, Loose>;
    const click = fc.record({ kind: fc.constant('click' as const), actionId: fc.constantFrom('kpi_open_log', 'kpi_1on1_plan', 'kpi_checkin', 'kpi_unknown'), value: buttonValue });
    // A form as it opened, with a change only Tokyo's manager may make, or fields of any shape.
    const form = fc.record({
      kind: fc.constant('form' as const),
      callbackId: fc.constantFrom(...Object.keys(views), 'kpi_unknown'),
      metadata: metadata(tokyo.id, osaka.id),
      values: fc.oneof(stateValues, fc.constant('as opened' as const)),
    });
    const asOpened = (view: Loose): Record<string, unknown> => ({
      ...initialValues(view),
      daily: { type: 'plain_text_input', value: '06:15' },
      plan: { type: 'plain_text_input', value: 'a plan someone else wrote' },
      wentWell: { type: 'plain_text_input', value: 'an answer someone else wrote' },
      metric: { type: 'static_select', selected_option: { value: 'calls' } },
      amount: { type: 'plain_text_input', value: '999' },
      who: { type: 'static_select', selected_option: { value: 'users' } },
      people: { type: 'multi_users_select', selected_users: [VICTIM] },
    });
    const payload = fc.record({ sender: fc.constantFrom(...SENDERS), what: fc.oneof(click, form), damage });

    let sent = 0;
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(payload, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(
          batch.map(async ({ sender, what, damage: how }) => {
            let body: Loose;
            if (what.kind === 'click') {
              body = blockAction(what.actionId, { ...sender, ...(typeof what.value === 'string' ? { value: what.value } : {}) });
              if (typeof what.value !== 'string' && what.value !== undefined) ((body.actions as Loose[])[0]!).value = what.value;
            } else {
              const view = { ...(views[what.callbackId] ?? { callback_id: what.callbackId, blocks: [] }), private_metadata: what.metadata };
              body = viewSubmission(view, {}, sender);
              const fields = what.values === 'as opened' ? asOpened(view) : what.values;
              ((body.view as Loose).state as Loose).values = Object.fromEntries(Object.entries(fields).map(([block, v]) => [block, { value: v as StateValue }]));
            }
            const res = await postSigned(t.eventsUrl, interactivityBody(damaged(body, how)));
            const text = await res.text();
            sent += 1;
            const where = `${what.kind} ${'actionId' in what ? what.actionId : what.callbackId} from ${sender.userId} (${how}) → ${res.status} ${text.slice(0, 200)}`;
            expect([200, 400], where).toContain(res.status);
            for (const locale of ['en', 'ja'] as const) expect(text, where).not.toContain(messages(locale).internalError);
            outcomes.push(`${res.status}`);
          }),
        );
      }),
      { numRuns: PAYLOADS / BATCH, seed: SEED, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: true },
    );
    expect(sent).toBe(PAYLOADS);
    // Both kinds of answer came up: the fuzz reached the listeners, and refused what named no one.
    expect(new Set(outcomes)).toEqual(new Set(['200', '400']));

    // Clicks open their forms after the acknowledgement: let them finish before looking.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await tokyoState(t.bot.store, tokyo.id)).toEqual(before);
    expect(await workspaces(t.bot.store)).toEqual(expect.arrayContaining(['T0001']));
    expect((await workspaces(t.bot.store)).every((w) => w === 'T0001' || w === 'T0002')).toBe(true);
    // The forms a sender may not open never opened; no view showed Tokyo's plan to them.
    for (const call of t.slack.callsTo('views.open')) expect(JSON.stringify(call.body.view)).not.toContain('The plan only Tokyo’s manager may read');
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);

    await t.stop();
    const facts = await dbFacts(path);
    expect(facts).toMatchObject({ logsWithoutEntries: 0, totalsOutOfStep: 0, integrity: 'ok' });
  }, 150_000);
});
