import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { errorText, submission, type SubmissionArgs } from './views.js';
import { commandContext, resolveCaller } from '../callers.js';
import type { SlackDeps } from '../deps.js';
import { originOfChecked } from '../origin.js';
import { checkInAccess, planAccess, saveActionPlan, saveCheckIn } from '../../commands/oneonone.js';
import { dayInZone, parseDay } from '../../domain/days.js';
import { messages } from '../../i18n/index.js';
import { planAsText, SAVE_PLAN_ACTION } from '../../reports/oneonone.js';
import { loadOneOnOne } from '../../reports/oneonone-load.js';
import { confirmationModal, textOf } from '../../reports/views/form.js';
import { CHECK_IN_CALLBACK, PLAN_CALLBACK, checkInModal, planModal } from '../../reports/views/oneonone-modals.js';
import { CHECK_IN_ACTION } from '../../scheduler/plans.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const USER_ID = /^[UW][A-Z0-9]{2,}$/u;

const metadata = (raw: unknown): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(String(raw ?? ''));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** A rep's user ID as a button or a form's metadata carries it; null when it is not one. */
const repIn = (value: unknown): string | null => (typeof value === 'string' && USER_ID.test(value) ? value : null);

/**
 * "Save the agreed plan" on a prep: the form, filled with the proposed plan to edit, for someone
 * who may prepare a 1on1 with that rep in their own workspace; anyone else is told why not.
 */
async function onSavePlan(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  const { ack, body, action } = args;
  await ack();
  const { workspace, userId } = originOfChecked(body);
  try {
    const caller = await resolveCaller(deps, workspace, userId, null);
    const rep = repIn(action.value);
    if (rep === null) {
      deps.logger.warn(`the plan button from ${userId} in ${workspace} names no rep (“${String(action.value)}”)`);
      return;
    }
    const ctx = commandContext(deps, caller, body.trigger_id);
    const access = await planAccess(ctx, rep);
    const title = messages(caller.locale).oneonone.planForm.title;
    if ('refused' in access) {
      await deps.chat.openView(body.trigger_id, confirmationModal(title, access.refused, caller.locale));
      return;
    }
    const model = await loadOneOnOne(deps.store, access.team, { workspace, rep, meetingDay: dayInZone(deps.clock(), caller.zone), meetingMinutes: null });
    await deps.chat.openView(body.trigger_id, planModal(rep, planAsText(model, caller.locale), caller.locale));
  } catch (error) {
    deps.logger.error(`opening the plan form for ${userId} failed:`, error);
  }
}

/** "Answer" on a check-in DM: the two questions, for a rep with a 1on1 scheduled. */
async function onCheckIn(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  const { ack, body, action } = args;
  await ack();
  const { workspace, userId } = originOfChecked(body);
  try {
    const caller = await resolveCaller(deps, workspace, userId, null);
    const access = await checkInAccess(commandContext(deps, caller, body.trigger_id));
    if ('refused' in access) {
      await deps.chat.openView(body.trigger_id, confirmationModal(messages(caller.locale).oneonone.checkInForm.title, access.refused, caller.locale));
      return;
    }
    const day = parseDay(action.value ?? '') ?? dayInZone(deps.clock(), caller.zone);
    await deps.chat.openView(body.trigger_id, checkInModal(day, caller.locale));
  } catch (error) {
    deps.logger.error(`opening the check-in form for ${userId} failed:`, error);
  }
}

/** The plan form: checked again (the rep of this workspace, the caller's right), saved once per view, then said back. */
async function onPlanSubmission(deps: SlackDeps, args: SubmissionArgs): Promise<void> {
  const { view } = args;
  await submission(deps, args, 'plan', async (caller, base, values, ack) => {
    const ctx = { ...base, requestKey: `view:${view.id}` };
    const rep = repIn(metadata(view.private_metadata).rep);
    if (rep === null) {
      deps.logger.warn(`a plan form from ${caller.userId} in ${caller.teamId} names no rep`);
      await ack({ response_action: 'errors', errors: { plan: messages(caller.locale).badField } });
      return;
    }
    const access = await planAccess(ctx, rep);
    if ('refused' in access) {
      await ack({ response_action: 'errors', errors: { plan: await errorText(deps, caller.teamId, access.refused) } });
      return;
    }
    const { saved, message } = await saveActionPlan(ctx, rep, textOf(values, 'plan'));
    if (saved) await ack({ response_action: 'update', view: confirmationModal(messages(caller.locale).oneonone.planForm.title, message, caller.locale) });
    else await ack({ response_action: 'errors', errors: { plan: await errorText(deps, caller.teamId, message) } });
  });
}

/** The check-in form: the rep's own answers for their manager's prep, each within its bound. */
async function onCheckInSubmission(deps: SlackDeps, args: SubmissionArgs): Promise<void> {
  const { view } = args;
  await submission(deps, args, 'wentWell', async (caller, ctx, values, ack) => {
    const day = parseDay(String(metadata(view.private_metadata).day ?? '')) ?? dayInZone(deps.clock(), caller.zone);
    const outcome = await saveCheckIn(ctx, day, { wentWell: textOf(values, 'wentWell'), wantHelp: textOf(values, 'wantHelp') });
    const t = messages(caller.locale).oneonone.checkInForm;
    if (outcome.ok) await ack({ response_action: 'update', view: confirmationModal(t.title, { text: t.thanks, blocks: [] }, caller.locale) });
    else if ('errors' in outcome) await ack({ response_action: 'errors', errors: outcome.errors });
    else await ack({ response_action: 'errors', errors: { wentWell: await errorText(deps, caller.teamId, outcome.refused) } });
  });
}

export function registerOneOnOne(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: SAVE_PLAN_ACTION }, (args) => onSavePlan(deps, args));
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: CHECK_IN_ACTION }, (args) => onCheckIn(deps, args));
  app.view<ViewSubmitAction>({ callback_id: PLAN_CALLBACK, type: 'view_submission' }, (args) => onPlanSubmission(deps, args));
  app.view<ViewSubmitAction>({ callback_id: CHECK_IN_CALLBACK, type: 'view_submission' }, (args) => onCheckInSubmission(deps, args));
}
