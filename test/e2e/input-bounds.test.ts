/**
 * Issue 11, item 7: every input has a bound it says, a request Slack sends twice changes things
 * once, a payload that does not say who sent it is a bad request, and a form field of the wrong
 * type gets an error under that field.
 */
import { BUILT_INS } from '../harness/metrics.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { blockAction, choice, initialValues, text, users, viewSubmission, type StateValue } from '../harness/payloads.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';
import { interactivityBody, postSigned, slashCommandBody } from '../harness/signing.js';
import { day } from '../../src/domain/days.js';
import { messages } from '../../src/i18n/index.js';
import type { Team } from '../../src/store/index.js';
import { logModal } from '../../src/reports/views/log-modal.js';
import { checkInModal, planModal } from '../../src/reports/views/oneonone-modals.js';
import { settingsModal } from '../../src/reports/views/settings-modal.js';
import { targetModal } from '../../src/reports/views/target-modal.js';

const NOW = new Date('2026-11-24T03:00:00Z');
const [REP, JA_REP] = REPS as [string, string, string];

describe('bounds, replays and malformed payloads', () => {
  let t: TestBot;
  let tokyo: Team;
  beforeEach(async () => {
    t = await startTestBot({ clock: () => NOW, env: { KPI_LOCALE: 'en' } });
    tokyo = await seedTokyo(t.bot.store);
    t.slack.users.set(JA_REP, { id: JA_REP, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    for (const rep of [REP, JA_REP]) {
      await t.bot.store.oneonones.schedule({ workspace: 'T0001', rep, manager: MANAGER, weekday: 3, minutes: 900, everyWeeks: 1, anchor: day('2026-11-25') }, MANAGER, NOW);
    }
  });
  afterEach(async () => {
    await t.stop();
  });

  const rows = (sql: string, params: (string | number)[] = []) => t.bot.store.write((tx) => tx.all<Record<string, unknown>>(sql, params));

  it('a check-in answer over 1,000 characters (the probe sent 1 MiB) is refused under its field, saying the bound in the person’s language; nothing is stored', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const view = checkInModal(day('2026-11-25'), 'en') as never;
    const en = await t.interact(viewSubmission(view, { wentWell: text(huge), wantHelp: text('pricing') }, { userId: REP }));
    expect(en.body).toEqual({ response_action: 'errors', errors: { wentWell: messages('en').oneonone.answerTooLong({ max: '1,000', length: '1,048,576' }) } });
    const ja = await t.interact(viewSubmission(view, { wentWell: text('新規2件'), wantHelp: text('あ'.repeat(1001)) }, { userId: JA_REP }));
    expect(ja.body?.errors?.wantHelp).toBe(messages('ja').oneonone.answerTooLong({ max: '1,000', length: '1,001' }));
    expect(ja.body?.errors?.wantHelp).toContain('1,000文字まで');
    expect(await rows('SELECT * FROM checkins')).toEqual([]);
    // Within the bound it is kept.
    const ok = await t.interact(viewSubmission(view, { wentWell: text('y'.repeat(1000)), wantHelp: text('') }, { userId: REP }));
    expect(ok.body?.response_action).toBe('update');
    expect(await rows('SELECT length(went_well) AS n FROM checkins')).toEqual([{ n: 1000 }]);
  });

  it('a plan over 2,000 characters is refused with the bound, not cut short, from the command and from the form', async () => {
    const long = 'p'.repeat(2001);
    const reply = await t.reply(`1on1 plan <@${REP}> ${long}`, { userId: MANAGER });
    expect(reply.text).toBe(messages('en').oneonone.planTooLong({ max: '2,000', length: '2,001' }));
    const form = await t.interact(viewSubmission(planModal(REP, '', 'en') as never, { plan: text('q'.repeat(5000)) }, { userId: MANAGER }));
    expect(form.body?.errors?.plan).toContain('A plan can be up to 2,000 characters; this one has 5,000.');
    expect(await rows('SELECT * FROM action_plans')).toEqual([]);
  });

  it('a /kpi 1on1 plan Slack sends twice (the same trigger ID) saves one plan; so does a plan form submitted twice', async () => {
    for (let i = 0; i < 2; i += 1) {
      const again = await t.reply(`1on1 plan <@${REP}> 10 new leads a day`, { userId: MANAGER, triggerId: 'plan-replayed' });
      expect(again.text).toContain(`Saved the plan for <@${REP}>`);
    }
    const view = planModal(JA_REP, '', 'en') as never;
    for (let i = 0; i < 2; i += 1) {
      const submitted = await t.interact(viewSubmission(view, { plan: text('role-play on Fridays') }, { userId: MANAGER, viewId: 'VPLAN01' }));
      expect(submitted.body?.response_action).toBe('update');
    }
    expect(await rows('SELECT rep, text FROM action_plans ORDER BY id')).toEqual([
      { rep: REP, text: '10 new leads a day' },
      { rep: JA_REP, text: 'role-play on Fridays' },
    ]);
  });

  it('a payload that does not name its workspace or user is answered 400 and touches nothing (it used to be told the database was not available)', async () => {
    const before = await rows("SELECT count(*) AS n FROM people");
    const noTeam = (payload: Record<string, unknown>) => {
      const copy = structuredClone(payload) as Record<string, Record<string, unknown>>;
      delete copy.team;
      delete copy.user!.team_id;
      if (copy.view) delete copy.view.team_id;
      return copy;
    };
    const click = await postSigned(t.eventsUrl, interactivityBody(noTeam(blockAction('kpi_open_log', { userId: REP }))));
    expect(click.status).toBe(400);
    const form = await postSigned(t.eventsUrl, interactivityBody(noTeam(viewSubmission(logModal('en', day('2026-11-24'), BUILT_INS) as never, { metric1: choice('calls'), amount1: text('5') }, { userId: REP }))));
    expect(form.status).toBe(400);
    const noUser = structuredClone(blockAction('kpi_open_log', { userId: REP })) as Record<string, Record<string, unknown>>;
    delete noUser.user!.id;
    expect((await postSigned(t.eventsUrl, interactivityBody(noUser))).status).toBe(400);
    const params = new URLSearchParams(slashCommandBody({ text: 'log calls 5', userId: REP }));
    params.delete('team_id');
    const command = await postSigned(t.eventsUrl, params.toString());
    expect(command.status).toBe(400);
    expect(await command.text()).toBe('');
    expect(await rows("SELECT count(*) AS n FROM people")).toEqual(before);
    expect(await rows('SELECT * FROM entries WHERE user_id = ? AND import_id IS NULL', [REP])).toEqual([]);
    expect(t.slack.callsTo('views.open')).toHaveLength(0);
  });

  it('a form field of the wrong type gets a field error saying it could not be read, not “something went wrong”', async () => {
    const badField = messages('en').badField;
    const settings = settingsModal(tokyo, 'en') as unknown as Record<string, unknown>;
    const asOpened = initialValues(settings);
    const wrongTimezone = await t.interact(viewSubmission(settings, { ...asOpened, timezone: { type: 'plain_text_input', value: 123 } as StateValue }, { userId: MANAGER }));
    expect(wrongTimezone.body).toEqual({ response_action: 'errors', errors: { timezone: badField } });
    const wrongWorkdays = await t.interact(viewSubmission(settings, { ...asOpened, workdays: { type: 'checkboxes', selected_options: 'mon-fri' } as StateValue }, { userId: MANAGER }));
    expect(wrongWorkdays.body).toEqual({ response_action: 'errors', errors: { workdays: badField } });
    expect((await t.bot.store.teams.byId(tokyo.id))!.settings).toEqual(tokyo.settings);

    const log = await t.interact(viewSubmission(logModal('en', day('2026-11-24'), BUILT_INS) as never, { metric1: choice('calls'), amount1: { type: 'plain_text_input', value: ['5'] } as StateValue }, { userId: REP }));
    expect(log.body).toEqual({ response_action: 'errors', errors: { amount1: badField } });
    const target = await t.interact(
      viewSubmission(targetModal('en', BUILT_INS) as never, { metric: choice('calls'), amount: text('50'), period: choice('day'), who: choice('users'), people: { ...users([]), selected_users: REP } as StateValue }, { userId: MANAGER }),
    );
    expect(target.body).toEqual({ response_action: 'errors', errors: { people: badField } });
    const notAMap = await t.interact({ ...viewSubmission(logModal('en', day('2026-11-24'), BUILT_INS) as never, {}, { userId: REP }), view: { ...viewSubmission(logModal('en', day('2026-11-24'), BUILT_INS) as never, {}).view as object, state: { values: 'calls 5' } } });
    expect(notAMap.body?.errors).toEqual({ metric1: badField });
    for (const answer of [wrongTimezone, wrongWorkdays, log, target, notAMap]) expect(JSON.stringify(answer.body)).not.toContain(messages('en').internalError);
    expect(await rows('SELECT * FROM entries WHERE import_id IS NULL')).toEqual([]);
  });
});
