import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { OPEN_LOG_ACTION } from '../../reports/views/home.js';
import { SAVE_PLAN_ACTION } from '../../reports/oneonone.js';
import { APPLY_PLAN_ACTION } from '../../reports/plan-apply.js';
import { LOG_CALLBACK } from '../../reports/views/log-modal.js';
import { METRIC_CALLBACK } from '../../reports/views/metric-modal.js';
import { CHECK_IN_CALLBACK, PLAN_CALLBACK } from '../../reports/views/oneonone-modals.js';
import { SETTINGS_CALLBACK } from '../../reports/views/settings-modal.js';
import { TARGET_CALLBACK } from '../../reports/views/target-modal.js';
import { CHECK_IN_ACTION } from '../../scheduler/plans.js';

/** The buttons and forms the bot renders; the listeners of each are registered beside their surface. */
export const OUR_ACTIONS = [OPEN_LOG_ACTION, SAVE_PLAN_ACTION, CHECK_IN_ACTION, APPLY_PLAN_ACTION] as const;
export const OUR_FORMS = [LOG_CALLBACK, SETTINGS_CALLBACK, TARGET_CALLBACK, PLAN_CALLBACK, CHECK_IN_CALLBACK, METRIC_CALLBACK] as const;

/** Any ID but these. */
const noneOf = (ids: readonly string[]): RegExp => new RegExp(`^(?!(?:${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})$)`, 'u');

/**
 * A click or a form the bot never rendered (an old message's button, a forged payload) is
 * acknowledged at once and logged; without a listener Bolt would hold the request 3 seconds and
 * answer 404.
 */
export function registerUnknown(app: App, deps: SlackDeps): void {
  app.action({ type: 'block_actions', action_id: noneOf(OUR_ACTIONS) }, async ({ ack, body }) => {
    await ack();
    const action = (body as { actions?: { action_id?: unknown }[] }).actions?.[0]?.action_id;
    deps.logger.warn(`ignored a click on ${String(action)}, which no message of the bot has`);
  });
  app.view({ type: 'view_submission', callback_id: noneOf(OUR_FORMS) }, async ({ ack, view }) => {
    await ack();
    deps.logger.warn(`ignored the submission of a form ${String(view.callback_id)}, which the bot never opened`);
  });
}
