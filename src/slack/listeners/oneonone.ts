import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { errorText, submission, type SubmissionArgs } from './views.js';
import { resolveCaller } from '../callers.js';
import type { SlackDeps } from '../deps.js';
import { saveActionPlan } from '../../commands/oneonone.js';
import { dayInZone, parseDay } from '../../domain/days.js';
import { messages } from '../../i18n/index.js';
import { planAsText, SAVE_PLAN_ACTION } from '../../reports/oneonone.js';
import { loadOneOnOne } from '../../reports/oneonone-load.js';
import { confirmationModal, textOf, type FormValues } from '../../reports/views/form.js';
import { CHECK_IN_CALLBACK, PLAN_CALLBACK, checkInModal, planModal } from '../../reports/views/oneonone-modals.js';
import { CHECK_IN_ACTION } from '../../scheduler/plans.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const metadata = (raw: string): Record<string, unknown> => {
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** "Save the agreed plan" on a prep: the form, filled with the proposed plan to edit. */
async function onSavePlan(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  const { ack, body, action } = args;
  await ack();
  const workspace = body.team?.id ?? body.user.team_id ?? '';
  try {
    const caller = await resolveCaller(deps, workspace, body.user.id, null);
    const rep = action.value ?? '';
    const team = await deps.store.teams.ofPerson(workspace, rep);
    const model = await loadOneOnOne(deps.store, team, { workspace, rep, meetingDay: dayInZone(deps.clock(), caller.zone), meetingMinutes: null });
    await deps.chat.openView(body.trigger_id, planModal(rep, planAsText(model, caller.locale), caller.locale));
  } catch (error) {
    deps.logger.error(`opening the plan form for ${body.user.id} failed:`, error);
  }
}

/** "Answer" on a check-in DM: the two questions. */
async function onCheckIn(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  const { ack, body, action } = args;
  await ack();
  const workspace = body.team?.id ?? body.user.team_id ?? '';
  try {
    const caller = await resolveCaller(deps, workspace, body.user.id, null);
    const day = parseDay(action.value ?? '') ?? dayInZone(deps.clock(), caller.zone);
    await deps.chat.openView(body.trigger_id, checkInModal(day, caller.locale));
  } catch (error) {
    deps.logger.error(`opening the check-in form for ${body.user.id} failed:`, error);
  }
}

/** The plan form: saved like `/kpi 1on1 plan` (same permission), then said back. */
async function onPlanSubmission(deps: SlackDeps, args: SubmissionArgs): Promise<void> {
  const { ack, view } = args;
  await submission(deps, args, 'plan', async (caller, ctx) => {
    const rep = String(metadata(view.private_metadata).rep ?? '');
    const { saved, message } = await saveActionPlan(ctx, rep, textOf(view.state.values as FormValues, 'plan'));
    if (saved) await ack({ response_action: 'update', view: confirmationModal(messages(caller.locale).oneonone.planForm.title, message, caller.locale) });
    else await ack({ response_action: 'errors', errors: { plan: await errorText(deps, caller.teamId, message) } });
  });
}

/** The check-in form: the rep's own answers for their manager's prep. */
async function onCheckInSubmission(deps: SlackDeps, args: SubmissionArgs): Promise<void> {
  const { ack, view } = args;
  await submission(deps, args, 'wentWell', async (caller) => {
    const values = view.state.values as FormValues;
    const day = parseDay(String(metadata(view.private_metadata).day ?? '')) ?? dayInZone(deps.clock(), caller.zone);
    await deps.store.oneonones.saveCheckIn(caller.teamId, caller.userId, day, { wentWell: textOf(values, 'wentWell') || null, wantHelp: textOf(values, 'wantHelp') || null }, deps.clock());
    const t = messages(caller.locale).oneonone.checkInForm;
    await ack({ response_action: 'update', view: confirmationModal(t.title, { text: t.thanks, blocks: [] }, caller.locale) });
  });
}

export function registerOneOnOne(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: SAVE_PLAN_ACTION }, (args) => onSavePlan(deps, args));
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: CHECK_IN_ACTION }, (args) => onCheckIn(deps, args));
  app.view<ViewSubmitAction>({ callback_id: PLAN_CALLBACK, type: 'view_submission' }, (args) => onPlanSubmission(deps, args));
  app.view<ViewSubmitAction>({ callback_id: CHECK_IN_CALLBACK, type: 'view_submission' }, (args) => onCheckInSubmission(deps, args));
}

