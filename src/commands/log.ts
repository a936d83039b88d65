import type { CommandContext } from './context.js';
import { formatDateSpec, resolveDay, MAX_DAYS_BACK, type DateSpec, type ResolvedDay } from './dates.js';
import { explainProblem } from './explain.js';
import type { LogRequest } from './parse-log.js';
import type { Problem } from './problems.js';
import { dayInZone, type Day } from '../domain/days.js';
import type { Totals } from '../domain/rates.js';
import type { MetricDef } from '../domain/metrics.js';
import type { Message } from '../reports/blocks.js';
import { renderLogReceipt } from '../reports/receipts.js';
import { Rejected, type StoredLog } from '../store/index.js';
import { channelMention } from './tokens.js';

/** The first metric of `pairs` whose day total would be over its ceiling, as a problem: for a log and for a correction. */
export function dayCeiling(request: { readonly pairs: readonly { readonly metric: MetricDef }[] }) {
  return (after: Totals): Problem | null => {
    for (const { metric } of request.pairs) {
      const total = after.values[metric.key] ?? 0;
      if (metric.dailyMax !== null && total > metric.dailyMax) return { code: 'dayTotalTooLarge', metric, total, max: metric.dailyMax };
    }
    return null;
  };
}

export type LogOutcome =
  | { readonly ok: true; readonly stored: StoredLog; readonly today: Day }
  | { readonly ok: false; readonly problem: Problem };

/** What to tell a person whose date cannot take a log: ahead of today, too far back, or no such day. */
export function dateProblem(resolved: Extract<ResolvedDay, { ok: false }>, spec: DateSpec): Problem {
  if (resolved.code === 'futureDate') return { code: 'futureDate', day: resolved.day as Day };
  if (resolved.code === 'tooOld') return { code: 'tooOld', day: resolved.day as Day, maxDaysBack: MAX_DAYS_BACK };
  return { code: 'badDate', word: formatDateSpec(spec) };
}

/**
 * The client engagement a log counts for: the one it names (by name or channel), else the person's
 * default, else their only one; none for someone outside every engagement. A person on several
 * engagements without a default is asked which, and nothing is stored.
 */
export async function engagementOfLog(ctx: CommandContext, named: string | undefined): Promise<{ ok: true; engagement: number | null } | { ok: false; problem: Problem }> {
  const { caller, store } = ctx;
  const mine = await store.engagements.ofPerson(caller.teamId, caller.userId);
  const names = mine.map((e) => e.team.engagement!.client);
  if (named !== undefined) {
    const channel = channelMention(named);
    const team = channel ? ((await store.teams.byChannel(caller.teamId, channel)) ?? null) : await store.engagements.byName(caller.teamId, named);
    if (!team?.engagement) return { ok: false, problem: { code: 'unknownClient', word: named, choices: names } };
    if (!mine.some((e) => e.team.id === team.id)) return { ok: false, problem: { code: 'notInClient', client: team.engagement.client } };
    return { ok: true, engagement: team.id };
  }
  if (mine.length === 0) return { ok: true, engagement: null };
  const chosen = mine.find((e) => e.isDefault) ?? (mine.length === 1 ? mine[0] : undefined);
  return chosen ? { ok: true, engagement: chosen.team.id } : { ok: false, problem: { code: 'whichClient', choices: names } };
}

/**
 * Stores a log for the caller, every pair or none, for the business day in their zone: the shared
 * path of `/kpi log` and the log form. Problems a person can fix come back as values.
 */
export async function storeLog(ctx: CommandContext, request: LogRequest, text: string, source: 'slash' | 'modal'): Promise<LogOutcome> {
  const { caller } = ctx;
  const now = ctx.clock();
  const today = dayInZone(now, caller.zone);
  const resolved = resolveDay(request.date, today);
  if (!resolved.ok) return { ok: false, problem: dateProblem(resolved, request.date) };
  const client = await engagementOfLog(ctx, request.client);
  if (!client.ok) return client;
  try {
    const stored = await ctx.store.activity.log(
      {
        teamId: caller.teamId,
        userId: caller.userId,
        requestKey: ctx.requestKey,
        source,
        text,
        day: resolved.day,
        loggedAt: now,
        pairs: request.pairs.map((p) => ({ metric: p.metric.key, value: p.value, handoff: p.handoff ?? null })),
        note: request.note,
        engagement: client.engagement,
      },
      dayCeiling(request),
    );
    return { ok: true, stored, today };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, problem: error.reason as Problem };
    throw error;
  }
}

/** `/kpi log`: stores every pair or none and answers with what was stored and the day's total. */
export async function handleLog(ctx: CommandContext, request: LogRequest, text: string): Promise<Message> {
  const outcome = await storeLog(ctx, request, text, 'slash');
  if (!outcome.ok) return explainProblem(outcome.problem, ctx.caller.locale);
  const { stored, today } = outcome;
  return renderLogReceipt({
    catalog: await ctx.store.metrics.catalog(ctx.caller.teamId),
    locale: ctx.caller.locale,
    userId: ctx.caller.userId,
    day: stored.day,
    today,
    pairs: stored.pairs,
    dayTotals: stored.dayTotals,
    note: stored.note,
    duplicate: stored.duplicate,
  });
}
