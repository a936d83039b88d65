import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { outageMessage } from './commands.js';
import { commandContext, resolveCaller } from '../callers.js';
import type { SlackDeps } from '../deps.js';
import { readFormValues } from '../form-values.js';
import { publishHome } from '../home.js';
import { originOfChecked } from '../origin.js';
import { submitLogForm } from '../log-form.js';
import { check, peopleIfAllowed, standingOf, workingTeam } from '../../commands/authority.js';
import type { Caller, CommandContext } from '../../commands/context.js';
import { submitMetricForm } from '../../commands/metrics.js';
import { submitSettingsForm } from '../../commands/settings.js';
import { submitTargetForm } from '../../commands/targets.js';
import { messages, type Locale } from '../../i18n/index.js';
import { plain, type Message } from '../../reports/blocks.js';
import { choiceOf, confirmationModal, usersOf, type FormValues } from '../../reports/views/form.js';
import { LOG_CALLBACK } from '../../reports/views/log-modal.js';
import { METRIC_CALLBACK } from '../../reports/views/metric-modal.js';
import { SETTINGS_CALLBACK } from '../../reports/views/settings-modal.js';
import { TARGET_CALLBACK } from '../../reports/views/target-modal.js';

export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/gu;

/**
 * A message as the plain text a form field's error shows: no mrkdwn, people by name (`@Aiko`)
 * where we know it, else by ID.
 */
export async function errorText(deps: SlackDeps, workspace: string, message: Message): Promise<string> {
  const ids = [...new Set([...message.text.matchAll(MENTION)].map((m) => m[1]!))];
  const names = new Map<string, string>();
  for (const id of ids) names.set(id, (await deps.store.people.get(workspace, id))?.name ?? id);
  return plain(message.text).replace(MENTION, (_match, id: string) => `@${names.get(id) ?? id}`);
}

/** The first input of the submitted view, where a problem with the whole form is shown. */
function firstBlock(args: SubmissionArgs, fallback: string): string {
  const first = args.view.blocks.find((b) => 'block_id' in b && typeof b.block_id === 'string');
  return (first && 'block_id' in first && first.block_id) || fallback;
}

/** The acknowledgement a form's submission answers with: nothing (close it), errors under fields, or a view in its place. */
export type FormAnswer = (response?: Parameters<SubmissionArgs['ack']>[0]) => Promise<void>;

/**
 * Runs a form's submission: the caller resolved from the payload's workspace and user, the values
 * read once (an input of the wrong type is reported under its own field, and nothing runs), the
 * work done; on an outage the form is kept open with the reason under its first field (nothing is
 * lost; the person can submit again). The work answers through `answer`, once: a failure after
 * the answer went out (Slack's 3 seconds passed, say) is logged, not answered a second time.
 */
export async function submission(
  deps: SlackDeps,
  args: SubmissionArgs,
  fallbackBlock: string,
  work: (caller: Caller, ctx: CommandContext, values: FormValues, answer: FormAnswer) => Promise<void>,
): Promise<void> {
  const { body, ack } = args;
  const { workspace, userId } = originOfChecked(body);
  let answered = false;
  const answer: FormAnswer = (response) => {
    answered = true;
    return ack(response);
  };
  let locale: Locale = deps.config.locale;
  try {
    const caller = await resolveCaller(deps, workspace, userId, null);
    locale = caller.locale;
    const read = readFormValues(body.view.state?.values, firstBlock(args, fallbackBlock));
    if (!read.ok) {
      deps.logger.warn(`the ${body.view.callback_id} form from ${userId} in ${workspace} came with unreadable fields: ${read.badBlocks.join(', ')}`);
      await answer({ response_action: 'errors', errors: Object.fromEntries(read.badBlocks.map((block) => [block, messages(locale).badField])) });
      return;
    }
    await work(caller, commandContext(deps, caller, body.trigger_id || null), read.values, answer);
  } catch (error) {
    deps.logger.error(`the ${body.view.callback_id} form from ${userId} in ${workspace} failed${answered ? ' after it was answered' : ''}:`, error);
    if (!answered) await answer({ response_action: 'errors', errors: { [firstBlock(args, fallbackBlock)]: outageMessage(error, locale).text } });
  }
}

/** The log form: checked field by field, stored like `/kpi log` once per view, then the receipt and a fresh Home. */
export async function onLogSubmission(deps: SlackDeps, args: SubmissionArgs): Promise<void> {
  const { view, body } = args;
  let stored: Caller | null = null;
  await submission(deps, args, 'amount1', async (caller, base, values, ack) => {
    const ctx: CommandContext = { ...base, requestKey: `view:${view.id}` };
    const outcome = await submitLogForm(ctx, values);
    if (!outcome.ok) {
      await ack({ response_action: 'errors', errors: outcome.errors });
      return;
    }
    stored = caller;
    await ack({ response_action: 'update', view: confirmationModal(messages(caller.locale).logForm.title, outcome.receipt, caller.locale) });
  });
  if (stored) {
    const { workspace, userId } = originOfChecked(body);
    await publishHome(deps, workspace, userId, stored);
  }
}

/** Team settings: every field checked on its own; saved and closed only when none has a problem. */
export async function onSettingsSubmission(deps: SlackDeps, args: SubmissionArgs): Promise<void> {
  const { view } = args;
  await submission(deps, args, 'timezone', async (caller, ctx, values, ack) => {
    const first = firstBlock(args, 'timezone');
    const teamId = teamOfMetadata(view.private_metadata);
    if (teamId === null) {
      deps.logger.warn(`settings form from ${caller.userId} without a team in private_metadata`);
      await ack({ response_action: 'errors', errors: { [first]: messages(caller.locale).noTeam } });
      return;
    }
    const outcome = await submitSettingsForm(ctx, teamId, values);
    if (outcome.ok) await ack();
    else if ('errors' in outcome) await ack({ response_action: 'errors', errors: outcome.errors });
    else await ack({ response_action: 'errors', errors: { [first]: await errorText(deps, caller.teamId, outcome.refused) } });
  });
}

/** The team a settings form was opened for: `{"team": 3}` in `private_metadata`. */
function teamOfMetadata(metadata: unknown): number | null {
  try {
    const team = (JSON.parse(String(metadata ?? '')) as { team?: unknown } | null)?.team;
    return typeof team === 'number' && Number.isInteger(team) && team > 0 ? team : null;
  } catch {
    return null;
  }
}

/**
 * Whether the caller may submit the target form at all (the same rule that let them open it), and
 * may set targets for each person picked; the refusal goes under the field it concerns.
 */
async function targetFormRefusal(ctx: CommandContext, values: FormValues, first: string): Promise<{ block: string; message: Message } | null> {
  const standing = await standingOf(ctx);
  const refused = await check(ctx, standing, 'setTargets', await workingTeam(ctx, standing));
  if (refused) return { block: first, message: refused };
  if (choiceOf(values, 'who') !== 'users') return null;
  const allowed = await peopleIfAllowed(ctx, standing, 'setTargets', usersOf(values, 'people'));
  return 'refused' in allowed ? { block: 'people', message: allowed.refused } : null;
}

/** A target from the form: refused under the first field, or checked field by field, or saved and said back. */
export async function onTargetSubmission(deps: SlackDeps, args: SubmissionArgs): Promise<void> {
  await submission(deps, args, 'metric', async (caller, ctx, values, ack) => {
    const refused = await targetFormRefusal(ctx, values, firstBlock(args, 'metric'));
    if (refused) {
      await ack({ response_action: 'errors', errors: { [refused.block]: await errorText(deps, caller.teamId, refused.message) } });
      return;
    }
    const outcome = await submitTargetForm(ctx, values);
    if (!outcome.ok) await ack({ response_action: 'errors', errors: outcome.errors });
    else await ack({ response_action: 'update', view: confirmationModal(messages(caller.locale).targetForm.title, outcome.message, caller.locale) });
  });
}

/** A metric definition from the form: checked field by field like `/kpi metric add`, then saved and said back. */
export async function onMetricSubmission(deps: SlackDeps, args: SubmissionArgs): Promise<void> {
  await submission(deps, args, 'name', async (caller, ctx, values, ack) => {
    const outcome = await submitMetricForm(ctx, values);
    if (!outcome.ok) await ack({ response_action: 'errors', errors: outcome.errors });
    else await ack({ response_action: 'update', view: confirmationModal(messages(caller.locale).metricForm.title, outcome.message, caller.locale) });
  });
}

export function registerViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>({ callback_id: METRIC_CALLBACK, type: 'view_submission' }, (args) => onMetricSubmission(deps, args));
  app.view<ViewSubmitAction>({ callback_id: LOG_CALLBACK, type: 'view_submission' }, (args) => onLogSubmission(deps, args));
  app.view<ViewSubmitAction>({ callback_id: SETTINGS_CALLBACK, type: 'view_submission' }, (args) => onSettingsSubmission(deps, args));
  app.view<ViewSubmitAction>({ callback_id: TARGET_CALLBACK, type: 'view_submission' }, (args) => onTargetSubmission(deps, args));
}
