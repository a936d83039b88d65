import { context, header, section, type Message } from './blocks.js';
import { formatAmount, metricHeading } from './amounts.js';
import { periodName } from './status.js';
import type { Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import type { Period } from '../domain/periods.js';
import type { ReversePlan } from '../domain/planning.js';
import type { RoleGroup } from '../domain/roles.js';
import { formatPercent, formatYen, messages, type Locale } from '../i18n/index.js';

/** Where a rate of the plan came from. */
export type RateSource = { readonly kind: 'given' } | { readonly kind: 'history'; readonly days: number } | { readonly kind: 'fallback'; readonly why: string };

/** One rate the plan rests on: its definition, value, where it came from, and over whom the team's history was read. */
export interface PlanRate {
  readonly metric: MetricDef;
  readonly value: number;
  readonly source: RateSource;
  readonly group: RoleGroup | null;
}

export interface PlanModel {
  readonly revenue: number;
  readonly period: Period;
  readonly workdays: number;
  readonly plan: ReversePlan;
  readonly avgDealSize: PlanRate;
  readonly winRate: PlanRate;
  readonly meetingRate: PlanRate;
  readonly catalog: MetricCatalog;
  /** The history the rates were read from. */
  readonly from: Day;
  readonly to: Day;
}

function sourceText(r: PlanRate, locale: Locale): string {
  const t = messages(locale);
  const s = r.source;
  const from = s.kind === 'given' ? t.planSources.given : s.kind === 'history' ? t.planSources.history({ days: s.days }) : t.planSources.fallback({ why: s.why });
  return s.kind === 'history' && r.group ? t.planSources.over({ source: from, group: t.roleGroups[r.group] }) : from;
}

/** `/kpi plan`: the chain from revenue to calls, per workday, and the rates it rests on, each by its own definition. */
export function renderPlan(m: PlanModel, locale: Locale): Message {
  const t = messages(locale);
  const def = (key: string) => m.catalog.def(key);
  const title = t.planTitle({ amount: formatYen(m.revenue, locale), period: periodName(m.period, locale) });
  const chain = t.planChain({
    wins: formatAmount(def('wins'), m.plan.wins, locale),
    meetings: formatAmount(def('meetings'), m.plan.meetings, locale),
    calls: formatAmount(def('calls'), m.plan.calls, locale),
  });
  const perDay =
    m.plan.callsPerWorkday === null
      ? null
      : t.planPerDay({
          days: m.workdays,
          wins: formatAmount(def('wins'), m.plan.winsPerWorkday ?? 0, locale),
          meetings: formatAmount(def('meetings'), m.plan.meetingsPerWorkday ?? 0, locale),
          calls: formatAmount(def('calls'), m.plan.callsPerWorkday, locale),
        });
  const rates = [m.avgDealSize, m.winRate, m.meetingRate].map((r) =>
    t.planRate({ name: metricHeading(r.metric, locale), value: r.metric.unit === 'currency' ? formatYen(r.value, locale) : formatPercent(r.value, locale), source: sourceText(r, locale) }),
  );
  const body = [`*${chain}*`, ...(perDay ? [perDay] : [])].join('\n');
  const ratesText = `*${t.planRatesTitle}*\n${rates.join('\n')}`;
  return {
    text: [title, chain, ...(perDay ? [perDay] : []), t.planRatesTitle, ...rates].join('\n'),
    blocks: [header(title), section(body), section(ratesText), context(t.planTry)],
  };
}
