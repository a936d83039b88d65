import { managedTeam, standingOf, workingTeam } from './authority.js';
import type { CommandContext } from './context.js';
import { dayInZone } from '../domain/days.js';
import type { MetricKey } from '../domain/metrics.js';
import { metricLabel } from '../domain/metrics.js';
import type { PeriodKind } from '../domain/periods.js';
import { buildTree } from '../domain/tree.js';
import { messages } from '../i18n/index.js';
import { formatTarget } from '../reports/amounts.js';
import type { Message } from '../reports/blocks.js';
import { textMessage } from '../reports/receipts.js';
import { loadTeamTree, renderTree, treeProblemText } from '../reports/tree.js';

/** `/kpi tree`: the caller's team tree; anyone in the team may look (it shows team totals only). */
export async function showTree(ctx: CommandContext): Promise<Message> {
  const standing = await standingOf(ctx);
  const team = await workingTeam(ctx, standing);
  if (!team) return textMessage(messages(ctx.caller.locale).noTeam);
  const model = await loadTeamTree(ctx.store, team, dayInZone(ctx.clock(), team.settings.timezone));
  return renderTree(model, team, ctx.caller.locale);
}

/** `/kpi tree set <metric> <n>/<period> [under <metric>]`: one node, the tree kept valid. */
export async function setTreeNode(ctx: CommandContext, node: { metric: MetricKey; value: number; period: PeriodKind; parent: MetricKey | null }): Promise<Message> {
  const t = messages(ctx.caller.locale);
  const locale = ctx.caller.locale;
  const found = await managedTeam(ctx, 'defineTree');
  if ('refused' in found) return found.refused;
  const { team } = found;
  const problem = await ctx.store.trees.setNode(team.id, node, ctx.caller.userId, ctx.clock(), (nodes) => {
    const built = buildTree(nodes.map((n) => ({ metric: n.metric, value: n.value, period: n.period, parent: n.parent })));
    return built.ok ? null : built.problem;
  });
  if (problem) return textMessage(treeProblemText(problem, locale));
  return textMessage(
    t.treeNodeSet({
      metric: metricLabel(node.metric, locale),
      target: formatTarget(node.metric, node.value, node.period, locale),
      parent: node.parent ? metricLabel(node.parent, locale) : null,
    }),
  );
}

/** `/kpi tree clear`. */
export async function clearTree(ctx: CommandContext): Promise<Message> {
  const t = messages(ctx.caller.locale);
  const found = await managedTeam(ctx, 'defineTree');
  if ('refused' in found) return found.refused;
  const { team } = found;
  return textMessage(t.treeCleared({ count: await ctx.store.trees.clear(team.id) }));
}
