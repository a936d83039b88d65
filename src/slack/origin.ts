import {
  HTTPModuleFunctions,
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
 * The first middleware: a payload without a valid workspace and user goes no further. Nothing
 * could be looked up or stored for it (it used to reach the store and be answered "the database
 * is not available"), so it is refused as the malformed request it is.
 */
export function requireOrigin(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    if (originOf(body) === null) {
      logger.warn(`Refused a ${String(field(body, 'type') ?? (field(body, 'command') ? 'slash command' : 'request'))} without a workspace or user ID`);
      throw new BadRequestError('the request names no workspace or user');
    }
    await next();
  };
}

/** HTTP mode: a refused request gets 400 (Bolt would answer 500); everything else as Bolt does. */
export async function answerBadRequests(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!(args.error instanceof BadRequestError)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
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

/** Socket Mode: a refused request is acknowledged (so Slack does not send it again) and only logged. */
export async function acknowledgeBadRequests(args: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  return args.error instanceof BadRequestError ? true : defaultSocketErrorHandler(args);
}
