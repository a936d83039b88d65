import { check, managedTeam, mention, standingOf } from './authority.js';
import type { CommandContext } from './context.js';
import { loadPlan, planProblemText, type PlanRequest } from './plan.js';
import { dayInZone } from '../domain/days.js';
import { periodOf } from '../domain/periods.js';
import { formatDay, messages } from '../i18n/index.js';
import type { Message } from '../reports/blocks.js';
import { proposedTargets, proposedTargetsText, proposedTree, proposedTreeText, renderApplyAsk } from '../reports/plan-apply.js';
import { textMessage } from '../reports/receipts.js';
import { periodName } from '../reports/status.js';

/**
 * `/kpi plan <amount>/<period> apply`: the reverse plan as today, kept as a proposal for the
 * team's managers and admins to confirm with the button under it. Nothing is set yet; a person
 * who may not set the team's targets is told who can, and nothing is kept.
 */
export async function proposePlan(ctx: CommandContext, request: PlanRequest): Promise<Message> {
  const { caller, store } = ctx;
  const found = await managedTeam(ctx, 'setTargets');
  if ('refused' in found) return found.refused;
  const { team } = found;
  const today = dayInZone(ctx.clock(), team.settings.timezone);
  const result = await loadPlan(store, { workspace: caller.teamId, userId: caller.userId, team }, request, today, caller.locale);
  if (!result.ok) return textMessage(planProblemText(result.problem, caller.locale));
  const model = result.model;
  const targets = proposedTargets(model);
  if (targets.length === 0) return textMessage(messages(caller.locale).cycle.applyNoMetrics);
  const tree = proposedTree(model, request.period);
  const proposal = await store.planProposals.propose(
    { workspace: caller.teamId, kpiTeam: team.id, period: request.period, periodStart: model.period.start, periodEnd: model.period.end, targets, tree, proposedBy: caller.userId, proposedAt: ctx.clock() },
    ctx.requestKey,
  );
  return renderApplyAsk(model, { id: proposal.id, team: team.name, since: formatDay(today, caller.locale), targets: proposal.targets, tree: proposal.tree }, caller.locale);
}

/**
 * The click on "Apply the plan": checked again against what is stored (the proposal is this
 * workspace's, the one who clicks may set that team's targets, its period has not ended), then the
 * team's targets and tree are set in one transaction, once. A second click, or the request replayed,
 * finds it applied and changes nothing.
 */
export async function applyPlan(ctx: CommandContext, id: string): Promise<Message> {
  const { caller, store } = ctx;
  const c = messages(caller.locale).cycle;
  const proposal = await store.planProposals.get(caller.teamId, id);
  const team = proposal ? await store.teams.byId(proposal.kpiTeam) : null;
  if (!proposal || !team || team.workspace !== caller.teamId) return textMessage(c.applyMissing);
  const refused = await check(ctx, await standingOf(ctx), 'setTargets', team);
  if (refused) return refused;
  const catalog = await store.metrics.catalog(caller.teamId);
  const zone = team.settings.timezone;
  const already = (p: NonNullable<typeof proposal.applied>) => textMessage(c.appliedAlready({ day: formatDay(dayInZone(p.at, zone), caller.locale), by: mention(p.by) }));
  if (proposal.applied) return already(proposal.applied);
  const today = dayInZone(ctx.clock(), zone);
  if (today > proposal.periodEnd) return textMessage(c.applyExpired({ period: periodName(periodOf(proposal.periodStart, proposal.period), caller.locale) }));
  const outcome = await store.planProposals.apply(caller.teamId, id, caller.userId, ctx.clock(), today);
  if (outcome.kind === 'missing') return textMessage(c.applyMissing);
  if (outcome.kind === 'already') return already(outcome.proposal.applied!);
  const applied = outcome.proposal;
  return textMessage(
    c.applied({
      team: team.name,
      since: formatDay(today, caller.locale),
      items: proposedTargetsText(applied.targets, applied.period, catalog, caller.locale),
      tree: proposedTreeText(applied.tree, catalog, caller.locale),
    }),
  );
}
