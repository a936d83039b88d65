/**
 * Load through the real HTTP receiver with autocannon: every request a `/kpi log` signed the way
 * Slack signs it, with its own trigger ID, from one of the seeded people. Latencies are taken from
 * each response (autocannon's own histogram keeps whole milliseconds only).
 */
import autocannon from 'autocannon';
import { slackSignature, slashCommandBody } from '../../test/harness/signing.js';

export interface LoadResult {
  /** Answers that were a 200 with a receipt (`✅ …`): acknowledged logs. */
  readonly ok: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Answers other than a 200 with a receipt (`✅ …`), connection errors and timeouts. */
  readonly bad: number;
}

/** Texts a rep types; each logs exactly one call, so the calls stored count the logs stored. */
const TEXTS = ['log calls 1', 'log calls 1 emails 2', 'log 架電 1 メール 3', 'log calls 1 meetings 1 -- tried a shorter opener', 'log 架電1 商談1'];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

let sequence = 0;

/**
 * `connections` clients in a closed loop for `seconds` (or `amount` requests in all), against
 * `url`; people are drawn from `users` in turn, starting at a random one.
 */
export function runLoad(options: { url: string; teamId: string; users: readonly string[]; connections: number; seconds?: number; amount?: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let bad = 0;
  let ok = 0;
  let next = Math.floor(Math.random() * options.users.length);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
        timeout: 10,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              sequence += 1;
              const userId = options.users[next % options.users.length]!;
              next += 1;
              const body = slashCommandBody({ text: TEXTS[sequence % TEXTS.length]!, userId, teamId: options.teamId, triggerId: `bench.${process.pid}.${sequence}` });
              return {
                ...request,
                body,
                headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body, Math.floor(Date.now() / 1000)) },
              };
            },
            onResponse: (status, body) => {
              if (status === 200 && body.includes('"text":"✅')) ok += 1;
              else bad += 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const sorted = latencies.sort((a, b) => a - b);
        resolve({
          ok,
          rps: ok / result.duration,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          bad: bad + result.errors,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}
