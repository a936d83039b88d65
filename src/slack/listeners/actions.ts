import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { commandContext, resolveCaller } from '../callers.js';
import type { SlackDeps } from '../deps.js';
import { originOfChecked } from '../origin.js';
import { applyPlan } from '../../commands/plan-apply.js';
import { dayInZone } from '../../domain/days.js';
import { messages } from '../../i18n/index.js';
import { APPLY_PLAN_ACTION } from '../../reports/plan-apply.js';
import { confirmationModal } from '../../reports/views/form.js';
import { OPEN_LOG_ACTION } from '../../reports/views/home.js';
import { logModal } from '../../reports/views/log-modal.js';

/** "Log activity" on App Home: opens the log form, the day preset to today in the person's zone. */
export async function onOpenLog(deps: SlackDeps, args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> {
  const { ack, body } = args;
  await ack();
  // The form logs for the one who opens it, in their own workspace: nothing else to check.
  const { workspace, userId } = originOfChecked(body);
  try {
    const caller = await resolveCaller(deps, workspace, userId, body.channel?.id ?? null);
    const clients = (await deps.store.engagements.ofPerson(workspace, userId)).map((e) => ({ client: e.team.engagement!.client, isDefault: e.isDefault }));
    await deps.chat.openView(body.trigger_id, logModal(caller.locale, dayInZone(deps.clock(), caller.zone), await deps.store.metrics.catalog(workspace), clients));
  } catch (error) {
    deps.logger.error(`opening the log form for ${userId} in ${workspace} failed:`, error);
  }
}

/** A proposal's ID as the button carries it; anything else names no plan. */
const PROPOSAL_ID = /^[0-9a-f]{24}$/u;

/**
 * "Apply the plan" under `/kpi plan … apply`: applied once for someone who may set that team's
 * targets, and said back in a window; anyone else is told why not, and nothing changes.
 */
export async function onApplyPlan(deps: SlackDeps, args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> {
  const { ack, body, action } = args;
  await ack();
  const { workspace, userId } = originOfChecked(body);
  try {
    const caller = await resolveCaller(deps, workspace, userId, body.channel?.id ?? null);
    const t = messages(caller.locale).cycle;
    const id = typeof action.value === 'string' && PROPOSAL_ID.test(action.value) ? action.value : null;
    const ctx = commandContext(deps, caller, body.trigger_id);
    const answer = id === null ? { text: t.applyMissing, blocks: [] } : await applyPlan(ctx, id);
    await deps.chat.openView(body.trigger_id, confirmationModal(t.applyModalTitle, answer, caller.locale));
  } catch (error) {
    deps.logger.error(`applying a plan for ${userId} in ${workspace} failed:`, error);
  }
}

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: OPEN_LOG_ACTION }, (args) => onOpenLog(deps, args));
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: APPLY_PLAN_ACTION }, (args) => onApplyPlan(deps, args));
}
