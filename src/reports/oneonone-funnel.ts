import { formatAmount, metricLabel } from './amounts.js';
import { median, stageRate, stagesOfRole, type Stage } from '../domain/funnel.js';
import { rateParts, type Totals } from '../domain/rates.js';
import { works } from '../domain/roles.js';
import { formatNumber, formatPercent, formatPoints, messages, upperFirst, type Locale } from '../i18n/index.js';

/**
 * A rep's funnel in a 1on1 prep: every stage their role works, from the team's funnel, each read by
 * its own rate over the prep's period, beside the period before (in points) and the team median.
 */

/** One stage of a rep's funnel over a period. */
export interface FunnelRow {
  readonly stage: Stage;
  /** The counts the stage's rate is read from: its denominator and numerator. */
  readonly from: number;
  readonly to: number;
  /** The stage's rate this period and the one before; null with too few tries to read. */
  readonly rate: number | null;
  readonly previous: number | null;
  /** The median of the teammates whose role works the stage, over the same period; null when none can be read. */
  readonly teamMedian: number | null;
}

/** What a rep's funnel is read from: their role, this period and the one before, and each teammate's period. */
export interface FunnelInput {
  readonly salesRole: string | null;
  readonly stages: readonly Stage[];
  readonly current: Totals;
  readonly previous: Totals;
  readonly teammates: readonly { readonly salesRole: string | null; readonly totals: Totals }[];
}

/** The team median of a stage's rate: over the teammates whose role works it and who have the volume to read. */
export function teamMedianOf(stage: Stage, teammates: FunnelInput['teammates']): number | null {
  return median(
    teammates.flatMap((t) => {
      if (!works(t.salesRole, [stage.from.key, stage.to.key])) return [];
      const rate = stageRate(stage, t.totals);
      return rate === null ? [] : [rate];
    }),
  );
}

/** The rep's funnel: each stage their role works, in the team's order. */
export function repFunnel(i: FunnelInput): FunnelRow[] {
  return stagesOfRole(i.stages, i.salesRole).map((stage) => {
    const { numerator, denominator } = rateParts(stage.rate, i.current);
    return {
      stage,
      from: denominator ?? 0,
      to: numerator,
      rate: stageRate(stage, i.current),
      previous: stageRate(stage, i.previous),
      teamMedian: teamMedianOf(stage, i.teammates),
    };
  });
}

/** How far above the team median a rate is a strength worth naming: a fifth. */
const STRONG = 1.2;

/** A stage where the rep converts well above the team median: the first thing a manager wants to praise. */
export interface Strength {
  readonly stage: Stage;
  readonly rate: number;
  readonly teamMedian: number;
  /** The rate ÷ the team median: 2 for twice. */
  readonly times: number;
}

/** The rep's strengths against the team, strongest first: stages at least a fifth above the team median. */
export function strengthsOf(rows: readonly FunnelRow[]): Strength[] {
  return rows
    .flatMap((r) => (r.rate !== null && r.teamMedian !== null && r.teamMedian > 0 && r.rate >= STRONG * r.teamMedian ? [{ stage: r.stage, rate: r.rate, teamMedian: r.teamMedian, times: r.rate / r.teamMedian }] : []))
    .sort((a, b) => b.times - a.times);
}

/** A strength as the prep's first point: "twice the team median" from 1.95 times on, else "above it". */
export function strengthSentence(s: Strength, locale: Locale): string {
  const t = messages(locale).oneonone;
  const params = { stage: metricLabel(s.stage.rate, locale), rate: formatPercent(s.rate, locale), median: formatPercent(s.teamMedian, locale), times: formatNumber(Math.round(s.times * 10) / 10, locale) };
  return s.times >= 1.95 ? t.strengthFar(params) : t.strengthAbove(params);
}

/** A change of a rate in points, signed: `+1.2 points`, `−3ポイント`. */
export const signedPoints = (difference: number, locale: Locale): string => `${difference >= 0 ? '+' : '−'}${formatPoints(difference, locale)}`;

/** `520 calls → 140 connects: connect rate 26.9% (+1.2 points on the period before · team median 27.5%)`; null for a stage with nothing in it. */
export function funnelRowText(r: FunnelRow, locale: Locale): string | null {
  if (r.from === 0 && r.to === 0) return null;
  const t = messages(locale).oneonone;
  const details: string[] = [];
  if (r.rate !== null && r.previous !== null) details.push(Math.abs(r.rate - r.previous) < 0.0005 ? t.funnelFlat : t.funnelChange({ points: signedPoints(r.rate - r.previous, locale) }));
  if (r.teamMedian !== null) details.push(t.funnelMedian({ median: formatPercent(r.teamMedian, locale) }));
  const rate = r.rate === null ? t.funnelTooFew({ rate: metricLabel(r.stage.rate, locale) }) : formatAmount(r.stage.rate, r.rate, locale);
  return upperFirst(
    t.funnelRow({
      from: formatAmount(r.stage.from, r.from, locale),
      to: formatAmount(r.stage.to, r.to, locale),
      rate,
      details: details.length ? details.join(messages(locale).separators.details) : null,
    }),
  );
}
