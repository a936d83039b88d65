import { context, header, section, type Message } from './blocks.js';
import { formatAmount } from './amounts.js';
import { periodName } from './status.js';
import { metricLabel } from '../domain/metrics.js';
import type { Period } from '../domain/periods.js';
import type { ReversePlan } from '../domain/planning.js';
import { formatPercent, formatYen, messages, type Locale } from '../i18n/index.js';

/** Where a rate of the plan came from. */
export type RateSource = { readonly kind: 'given' } | { readonly kind: 'history'; readonly days: number } | { readonly kind: 'fallback'; readonly why: string };

export interface PlanModel {
  readonly revenue: number;
  readonly period: Period;
  readonly workdays: number;
  readonly plan: ReversePlan;
  readonly avgDealSize: { readonly value: number; readonly source: RateSource };
  readonly winRate: { readonly value: number; readonly source: RateSource };
  readonly meetingRate: { readonly value: number; readonly source: RateSource };
}

function sourceText(s: RateSource, locale: Locale): string {
  const t = messages(locale).planSources;
  return s.kind === 'given' ? t.given : s.kind === 'history' ? t.history({ days: s.days }) : t.fallback({ why: s.why });
}

/** `/kpi plan`: the chain from revenue to calls, per workday, and the rates it rests on. */
export function renderPlan(m: PlanModel, locale: Locale): Message {
  const t = messages(locale);
  const title = t.planTitle({ amount: formatYen(m.revenue, locale), period: periodName(m.period, locale) });
  const chain = t.planChain({
    wins: formatAmount('wins', m.plan.wins, locale),
    meetings: formatAmount('meetings', m.plan.meetings, locale),
    calls: formatAmount('calls', m.plan.calls, locale),
  });
  const perDay =
    m.plan.callsPerWorkday === null
      ? null
      : t.planPerDay({
          days: m.workdays,
          wins: formatAmount('wins', m.plan.winsPerWorkday ?? 0, locale),
          meetings: formatAmount('meetings', m.plan.meetingsPerWorkday ?? 0, locale),
          calls: formatAmount('calls', m.plan.callsPerWorkday, locale),
        });
  const rates = [
    t.planRate({ name: metricLabel('avg_deal_size', locale), value: formatYen(m.avgDealSize.value, locale), source: sourceText(m.avgDealSize.source, locale) }),
    t.planRate({ name: metricLabel('win_rate', locale), value: formatPercent(m.winRate.value, locale), source: sourceText(m.winRate.source, locale) }),
    t.planRate({ name: metricLabel('meeting_rate', locale), value: formatPercent(m.meetingRate.value, locale), source: sourceText(m.meetingRate.source, locale) }),
  ];
  const body = [`*${chain}*`, ...(perDay ? [perDay] : [])].join('\n');
  const ratesText = `*${t.planRatesTitle}*\n${rates.join('\n')}`;
  return {
    text: [title, chain, ...(perDay ? [perDay] : []), t.planRatesTitle, ...rates].join('\n'),
    blocks: [header(title), section(body), section(ratesText), context(t.planTry)],
  };
}
