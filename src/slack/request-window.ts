import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '@slack/logger';

/**
 * How far a request's `x-slack-request-timestamp` may be from now, either way. Slack signs the time
 * it sent a request, so one much older is a replay and one from the future is forged or replayed
 * from a clock set ahead; Bolt's check refuses only the first kind.
 */
export const REQUEST_WINDOW_SECONDS = 5 * 60;

/** Whether a request's timestamp header is a number more than the window away from `nowMs`. */
export function outsideWindow(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== 'string' || header.trim() === '') return false;
  const stamp = Number(header);
  // What is not a number is Bolt's to refuse, with the signature check it belongs to.
  return Number.isFinite(stamp) && Math.abs(nowMs / 1000 - stamp) > REQUEST_WINDOW_SECONDS;
}

/**
 * Puts the window in front of Bolt's HTTP receiver: a request to `endpoint` stamped more than five
 * minutes from now, in either direction, gets 401 and never reaches Bolt. The wall clock is Slack's
 * time too (the bot's own clock may be a test's); Bolt's signature and staleness checks still run
 * on every request let through.
 */
export function refuseRequestsOutsideWindow(receiver: HTTPReceiver, endpoint: string, logger: Logger, now: () => number = Date.now): void {
  const next = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'POST' && path === endpoint && outsideWindow(req.headers['x-slack-request-timestamp'], now())) {
      logger.warn(`Refused a request stamped ${String(req.headers['x-slack-request-timestamp'])}: more than ${REQUEST_WINDOW_SECONDS / 60} minutes from now`);
      req.resume();
      res.writeHead(401);
      res.end();
      return;
    }
    return next(req, res);
  };
}
