import { actions, button, context, section, type Message } from './blocks.js';
import { formatTarget, metricLabel } from './amounts.js';
import { renderPlan, type PlanModel } from './plan.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { PeriodKind } from '../domain/periods.js';
import { messages, type Locale } from '../i18n/index.js';
import type { ProposedTarget, TreeNodeRow } from '../store/index.js';

/** The button under `/kpi plan … apply`; its value is the proposal's ID. */
export const APPLY_PLAN_ACTION = 'kpi_plan_apply';

const usable = (catalog: MetricCatalog, key: string) => {
  const def = catalog.get(key);
  return def !== undefined && !def.retired;
};

/** The team targets a reverse plan sets on the team's total: the revenue goal and the wins, meetings and calls it takes. */
export function proposedTargets(m: PlanModel): ProposedTarget[] {
  const all = [
    { metric: 'revenue', value: m.revenue },
    { metric: 'wins', value: m.plan.wins },
    { metric: 'meetings', value: m.plan.meetings },
    { metric: 'calls', value: m.plan.calls },
  ];
  return all.filter((t) => usable(m.catalog, t.metric));
}

/**
 * The tree a reverse plan stands for (seed 000's shape, DOMAIN.md's 逆算): revenue as the KGI, from
 * wins at the average deal size, from meetings at the win rate, from calls at the meeting rate;
 * each rate under the count it converts into. A retired metric is left out and what was under it
 * moves up to the nearest level kept.
 */
export function proposedTree(m: PlanModel, period: PeriodKind): TreeNodeRow[] {
  const chain: { metric: string; value: number; rate: { metric: string; value: number } }[] = [
    { metric: 'revenue', value: m.revenue, rate: { metric: 'avg_deal_size', value: m.avgDealSize.value } },
    { metric: 'wins', value: m.plan.wins, rate: { metric: 'win_rate', value: m.winRate.value } },
    { metric: 'meetings', value: m.plan.meetings, rate: { metric: 'meeting_rate', value: m.meetingRate.value } },
    { metric: 'calls', value: m.plan.calls, rate: { metric: '', value: 0 } },
  ];
  const rows: TreeNodeRow[] = [];
  let parent: string | null = null;
  for (const level of chain) {
    if (!usable(m.catalog, level.metric)) continue;
    rows.push({ metric: level.metric, value: level.value, period, parent });
    if (usable(m.catalog, level.rate.metric)) rows.push({ metric: level.rate.metric, value: level.rate.value, period, parent: level.metric });
    parent = level.metric;
  }
  return rows;
}

/** The targets as a reader says them: `¥10,000,000 a month · 20 wins a month · …`. */
export function proposedTargetsText(targets: readonly ProposedTarget[], period: PeriodKind, catalog: MetricCatalog, locale: Locale): string {
  return targets.map((t) => formatTarget(catalog.def(t.metric), t.value, period, locale)).join(messages(locale).itemSeparator);
}

/** The tree's chain of counts as a reader says it: `revenue → wins → meetings → calls`. */
export function proposedTreeText(tree: readonly TreeNodeRow[], catalog: MetricCatalog, locale: Locale): string {
  return tree
    .filter((n) => catalog.get(n.metric)?.kind !== 'rate')
    .map((n) => metricLabel(catalog.def(n.metric), locale))
    .join(' → ');
}

/** `/kpi plan … apply`: the plan as `/kpi plan` shows it, what applying it sets, and the button that does. */
export function renderApplyAsk(m: PlanModel, p: { id: string; team: string; since: string; targets: readonly ProposedTarget[]; tree: readonly TreeNodeRow[] }, locale: Locale): Message {
  const c = messages(locale).cycle;
  const plan = renderPlan(m, locale);
  const ask = c.applyAsk({ team: p.team, since: p.since, items: proposedTargetsText(p.targets, m.period.kind, m.catalog, locale), tree: proposedTreeText(p.tree, m.catalog, locale) });
  return {
    text: [plan.text, c.applyTitle, ask, c.applyHint].join('\n'),
    blocks: [...plan.blocks, section(`${c.applyTitle}\n${ask}`), actions(button(c.applyButton, APPLY_PLAN_ACTION, p.id, 'primary')), context(c.applyHint)],
  };
}
