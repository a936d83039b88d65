import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandContext, resolveCaller } from '../callers.js';
import type { SlackDeps } from '../deps.js';
import { handleKpi } from '../../commands/kpi.js';
import { messages, type Locale } from '../../i18n/index.js';
import type { Message } from '../../reports/blocks.js';
import { isDamage, storeErrorCode } from '../../store/index.js';

/** The slash commands the app registers; the manifest declares the same (a test checks). */
export const SLASH_COMMANDS = ['/kpi'] as const;

/** Slack waits 3 seconds for the acknowledgement; past this, we acknowledge and answer after. */
const ACK_DEADLINE_MS = 2500;

const ephemeral = (m: Message) => ({
  response_type: 'ephemeral' as const,
  text: m.text,
  ...(m.blocks.length > 0 ? { blocks: [...m.blocks] } : {}),
});

/** What to tell a person when their command hit an outage rather than a mistake of theirs. */
export function outageMessage(error: unknown, locale: Locale): Message {
  const t = messages(locale);
  const text = isDamage(error) ? t.storeDamaged : storeErrorCode(error) ? t.storeUnavailable : t.internalError;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/**
 * `/kpi`: the answer is the acknowledgement itself, sent only after the command's writes are
 * committed, so "acknowledged" means "on disk". A slow answer is acknowledged with a notice first
 * and delivered through `response_url`.
 */
export async function onKpiCommand(deps: SlackDeps, args: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const { command, ack, respond } = args;
  let locale: Locale = deps.config.locale;
  const work = (async (): Promise<Message | null> => {
    try {
      const caller = await resolveCaller(deps, command.team_id, command.user_id, command.channel_id || null);
      locale = caller.locale;
      return await handleKpi(commandContext(deps, caller, command.trigger_id || null), command.text ?? '');
    } catch (error) {
      deps.logger.error(`/kpi "${command.text}" from ${command.user_id} in ${command.team_id} failed:`, error);
      return outageMessage(error, locale);
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ACK_DEADLINE_MS);
  });
  const answer = await Promise.race([work.then((message) => ({ message })), late]);
  clearTimeout(timer);
  if (answer) {
    await (answer.message ? ack(ephemeral(answer.message)) : ack());
    return;
  }
  await ack(ephemeral({ text: messages(locale).stillWorking, blocks: [] }));
  const message = await work;
  if (message) await respond({ ...ephemeral(message), replace_original: true });
}

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/kpi', (args) => onKpiCommand(deps, args));
}
