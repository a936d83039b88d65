import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { resolveCaller } from '../callers.js';
import type { SlackDeps } from '../deps.js';
import { originOfChecked } from '../origin.js';
import { dayInZone } from '../../domain/days.js';
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

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: OPEN_LOG_ACTION }, (args) => onOpenLog(deps, args));
}
