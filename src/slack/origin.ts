import {
  HTTPModuleFunctions,
  type BufferedIncomingMessage,
  defaultProcessEventErrorHandler as defaultSocketErrorHandler,
  type AnyMiddlewareArgs,
  type Middleware,
  type ReceiverProcessEventErrorHandlerArgs,
  type ReceiverUnhandledRequestHandlerArgs,
  type SocketModeReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
import type { Logger } from '@slack/logger';

/** Who a request comes from: the Slack workspace and the person, as the payload names them. */
export interface Origin {
  readonly workspace: string;
  readonly userId: string;
}

const WORKSPACE_ID = /^[TE][A-Z0-9]{2,}$/u;
const USER_ID = /^[UW][A-Z0-9]{2,}$/u;

const field = (o: unknown, key: string): unknown => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined);
const idIn = (pattern: RegExp, ...candidates: unknown[]): string | null => {
  const found = candidates.find((c) => c !== undefined && c !== null);
  return typeof found === 'string' && pattern.test(found) ? found : null;
};

/**
 * The workspace and person a payload comes from, read the way each kind of request carries them
 * (a slash command's `team_id`/`user_id`, an interaction's `team` and `user`, an event's
 * `team_id` and `event.user`); null when either is missing or not a Slack ID.
 */
export function originOf(body: unknown): Origin | null {
  const b = body;
  const user = field(b, 'user');
  const workspace =
    typeof field(b, 'command') === 'string' || field(b, 'type') === 'event_callback'
      ? idIn(WORKSPACE_ID, field(b, 'team_id'))
      : idIn(WORKSPACE_ID, field(field(b, 'team'), 'id'), field(user, 'team_id'), field(field(b, 'view'), 'team_id'));
  const userId =
    typeof field(b, 'command') === 'string'
      ? idIn(USER_ID, field(b, 'user_id'))
      : field(b, 'type') === 'event_callback'
        ? idIn(USER_ID, field(field(b, 'event'), 'user'))
        : idIn(USER_ID, field(user, 'id'));
  return workspace && userId ? { workspace, userId } : null;
}

/** The origin of a payload the `requireOrigin` middleware has let through. */
export function originOfChecked(body: unknown): Origin {
  const origin = originOf(body);
  if (!origin) throw new BadRequestError('a payload without its workspace or user reached a listener');
  return origin;
}

/** A request that does not say who sent it or from where: answered 400, never acted on. */
export class BadRequestError extends Error {
  /** Bolt passes an error with a code to the error handler as it is. */
  readonly code = 'kpi_bad_request';
}

/**
 * What is missing from a payload for the listeners to read it: who sent it, and for a click or a
 * form what was clicked or submitted; null when nothing is.
 */
export function payloadProblem(body: unknown): string | null {
  if (originOf(body) === null) return 'no workspace or user ID';
  const type = field(body, 'type');
  if (type === 'view_submission') {
    const view = field(body, 'view');
    if (typeof field(view, 'id') !== 'string' || typeof field(view, 'callback_id') !== 'string') return 'no view with an ID and a callback ID';
  }
  if (type === 'block_actions') {
    const actions = field(body, 'actions');
    if (!Array.isArray(actions) || actions.length === 0 || actions.some((a) => typeof field(a, 'action_id') !== 'string')) return 'no action with an action ID';
  }
  return null;
}

/**
 * The first middleware: a payload that does not say who sent it, or what was clicked or
 * submitted, goes no further. Nothing could be looked up or stored for it (it used to reach the
 * store and be answered "the database is not available"), so it is refused as the malformed
 * request it is.
 */
export function requireOrigin(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const problem = payloadProblem(body);
    if (problem !== null) {
      logger.warn(`Refused a ${String(field(body, 'type') ?? (field(body, 'command') ? 'slash command' : 'request'))} with ${problem}`);
      throw new BadRequestError(`the request has ${problem}`);
    }
    await next();
  };
}

/**
 * Whether a request Bolt failed on was malformed: Bolt reads some fields (a form's `view`) before
 * any middleware runs, and a payload without them fails there. The body was buffered and its
 * signature checked before Bolt parsed it.
 */
function malformed(request: ReceiverProcessEventErrorHandlerArgs['request']): boolean {
  try {
    return payloadProblem(HTTPModuleFunctions.parseHTTPRequestBody(request as BufferedIncomingMessage)) !== null;
  } catch {
    return false;
  }
}

/** HTTP mode: a malformed request gets 400 (Bolt would answer 500); everything else as Bolt does. */
export async function answerBadRequests(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!(args.error instanceof BadRequestError)) {
    if (!malformed(args.request)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
    args.logger.warn(`Refused a malformed request: ${args.error.message}`);
  }
  if (!args.response.headersSent) {
    args.response.writeHead(400);
    args.response.end();
  }
  return false;
}

/** HTTP mode: a request already answered (a 400) is not reported as unacknowledged 3 seconds later. */
export function reportUnanswered(args: ReceiverUnhandledRequestHandlerArgs): void {
  if (!args.response.headersSent) HTTPModuleFunctions.defaultUnhandledRequestHandler(args);
}

/** Socket Mode: a refused or malformed request is acknowledged (so Slack does not send it again) and only logged. */
export async function acknowledgeBadRequests(args: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (args.error instanceof BadRequestError) return true;
  if (payloadProblem(args.event.body) === null) return defaultSocketErrorHandler(args);
  args.logger.warn(`Refused a malformed request: ${args.error.message}`);
  return true;
}
