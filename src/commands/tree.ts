import { managedTeam, standingOf, workingTeam } from './authority.js';
import type { CommandContext } from './context.js';
import { dayInZone } from '../domain/days.js';
import type { MetricDef } from '../domain/metrics.js';
import type { PeriodKind } from '../domain/periods.js';
import { buildTree, SEED_EXAMPLE_TREE, treeDefinitions } from '../domain/tree.js';
import { formatList, messages } from '../i18n/index.js';
import { formatTarget, metricLabel } from '../reports/amounts.js';
import type { Message } from '../reports/blocks.js';
import { textMessage } from '../reports/receipts.js';
import { exampleMetricsMissing, loadExampleTree, loadTeamTree, renderTree, treeProblemText } from '../reports/tree.js';

/** `/kpi tree`: the caller's team tree; anyone in the team may look (it shows team totals only). */
export async function showTree(ctx: CommandContext): Promise<Message> {
  const standing = await standingOf(ctx);
  const team = await workingTeam(ctx, standing);
  if (!team) return textMessage(messages(ctx.caller.locale).noTeam);
  const model = await loadTeamTree(ctx.store, team, dayInZone(ctx.clock(), team.settings.timezone));
  return renderTree(model, team, ctx.caller.locale, await ctx.store.metrics.catalog(ctx.caller.teamId));
}

/** `/kpi tree set <metric> <n>/<period> [under <metric>]`: one node, the tree kept valid. */
export async function setTreeNode(ctx: CommandContext, node: { metric: MetricDef; value: number; period: PeriodKind; parent: MetricDef | null }): Promise<Message> {
  const t = messages(ctx.caller.locale);
  const locale = ctx.caller.locale;
  const found = await managedTeam(ctx, 'defineTree');
  if ('refused' in found) return found.refused;
  const { team } = found;
  const row = { metric: node.metric.key, value: node.value, period: node.period, parent: node.parent?.key ?? null };
  const problem = await ctx.store.trees.setNode(team.id, row, ctx.caller.userId, ctx.clock(), (nodes) => {
    const built = buildTree(nodes.map((n) => ({ metric: n.metric, value: n.value, period: n.period, parent: n.parent })));
    return built.ok ? null : built.problem;
  });
  if (problem) return textMessage(treeProblemText(problem, locale, await ctx.store.metrics.catalog(ctx.caller.teamId)));
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

/**
 * `/kpi tree example`: seed 000's tree with the team's numbers beside its targets, for anyone in the
 * team; `use` adopts it as the team's tree (its managers and admins).
 */
export async function showExampleTree(ctx: CommandContext, use: boolean): Promise<Message> {
  const locale = ctx.caller.locale;
  const t = messages(locale);
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  if (!use) {
    const team = await workingTeam(ctx, await standingOf(ctx));
    if (!team) return textMessage(t.noTeam);
    return renderTree(await loadExampleTree(ctx.store, team, dayInZone(ctx.clock(), team.settings.timezone)), team, locale, catalog, true);
  }
  const found = await managedTeam(ctx, 'defineTree');
  if ('refused' in found) return found.refused;
  const missing = exampleMetricsMissing(catalog);
  if (missing.length) return textMessage(t.treeExampleRetired({ metrics: formatList(missing.map((k) => (catalog.get(k) ? metricLabel(catalog.def(k), locale) : k)), locale) }));
  const nodes = treeDefinitions(SEED_EXAMPLE_TREE);
  await ctx.store.trees.replace(found.team.id, nodes, ctx.caller.userId, ctx.clock());
  return textMessage(t.treeExampleAdopted({ team: found.team.name, count: nodes.length }));
}
