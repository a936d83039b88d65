import type { StageKind } from '../domain/funnel.js';
import type { Variants } from './catalog.js';

/** Metrics that have their own advice; others get the general one. */
export type AdvisedMetric =
  | 'calls'
  | 'connects'
  | 'emails'
  | 'meetings'
  | 'visits'
  | 'wins'
  | 'revenue'
  | 'leads'
  | 'upsells'
  | 'cross_sells'
  | 'renewals'
  | 'target_accounts'
  | 'key_person_contacts'
  | 'ride_alongs'
  | 'general';

/**
 * The wording of the scheduled messages (daily digest, morning DM, weekly review), written to the
 * six phrasing rules of DOMAIN.md: progress first, gaps as the distance to the goal, a concrete
 * suggestion after every gap, praise for the attempt, individuals only in celebrations in public,
 * and several phrasings of each sentence so mornings do not repeat.
 */
export interface DigestCatalog {
  readonly digest: {
    readonly dailyTitle: (p: { team: string; day: string }) => string;
    readonly leadActive: Variants<{ items: string; day: string; people: number; members: number }>;
    readonly leadQuiet: Variants<{ day: string }>;
    /** The report day's figure of a KPI: `Yesterday 5 / 6 meetings`. */
    readonly kpiYesterday: (p: { figure: string }) => string;
    /** A period's figure of a KPI, with its share of the target when there is one: `December 2026 14 / 130 meetings (10.8%)`. */
    readonly kpiPeriod: (p: { period: string; figure: string; attainment: string | null }) => string;
    readonly kpiForecast: (p: { amount: string }) => string;
    readonly kpiReached: string;
    readonly celebrationsTitle: string;
    readonly teamGoal: Variants<{ metric: string; amount: string; period: string }>;
    readonly personalGoal: Variants<{ person: string; metric: string }>;
    readonly streak: Variants<{ person: string; days: number }>;
    readonly personalBest: Variants<{ person: string; amount: string; previous: string }>;
    /** `rise` is unsigned (`53.6%`): a phrasing that wants a sign writes it. */
    readonly mostImproved: Variants<{ person: string; metric: string; rise: string }>;
    readonly newApproach: Variants<{ person: string; note: string }>;
    readonly focusTitle: string;
    /**
     * Today's focus: the KPI's name, and with their units (`6 meetings` / `6件`) today's share as a team,
     * the month's target, what remains to it, and roughly each carrier's share when several carry it.
     */
    readonly focusGap: Variants<{ metric: string; amount: string; target: string; remaining: string; perPerson: string | null }>;
    readonly focusOnPace: Variants;
    readonly dailyFooter: string;
    readonly moreCelebrations: (p: { count: number }) => string;
  };
  readonly dm: {
    readonly title: (p: { day: string }) => string;
    readonly leadActive: Variants<{ items: string }>;
    readonly leadQuiet: Variants;
    readonly monthTitle: (p: { month: string }) => string;
    readonly ask: Variants<{ amount: string; target: string }>;
    /**
     * The realistic view when today's number is far above the person's recent pace: the month's target,
     * what a workday would need from here, their recent pace a workday, and where that pace lands.
     */
    readonly askFar: Variants<{ target: string; amount: string; pace: string; landing: string }>;
    /** The one step that helps then: a realistic aim for today, a little above the recent pace. */
    readonly askStep: Variants<{ step: string }>;
    readonly askDone: Variants;
    readonly noTargets: string;
    readonly stageGap: Variants<{ stage: string; current: string; reference: string }>;
    readonly button: string;
    readonly optOut: string;
  };
  readonly weekly: {
    readonly title: (p: { team: string; start: string; end: string }) => string;
    /** The row label of last week's figure in a KPI cell. */
    readonly lastWeek: string;
    readonly lead: Variants<{ items: string }>;
    readonly leadQuiet: Variants;
    /** Last week against the week before: `+12%` for counts, `+1.2 points` for rates. */
    readonly change: (p: { change: string }) => string;
    readonly changeFlat: string;
    /** Last week has some where the week before had none. */
    readonly changeNew: string;
    readonly funnelTitle: string;
    /** One funnel step: `439 calls → 116 connects (connect rate 26.4%, inside sales)`. */
    readonly funnelStep: (p: { from: string; to: string; rate: string; group: string | null }) => string;
    /** A step with too few tries for its rate to mean much. */
    readonly rateTooFew: (p: { rate: string }) => string;
    /** The footnote: how each rate of the review is counted. */
    readonly formulas: (p: { formulas: string }) => string;
    readonly bottleneck: Variants<{ stage: string; current: string; baseline: string }>;
    readonly noBottleneck: Variants;
    readonly quality: Variants;
    readonly volume: Variants;
    readonly quiet: Variants<{ metrics: string }>;
    readonly focusTitle: string;
    /** This week's focus: the KPI's name, this week's share as a team and the month's target, with their units. */
    readonly focus: Variants<{ metric: string; amount: string; target: string }>;
    readonly focusStage: Variants<{ stage: string }>;
    readonly goalsReached: Variants<{ metrics: string }>;
    readonly footer: string;
  };
  readonly alerts: {
    readonly broken: (p: { team: string; what: string; channel: string; reason: string }) => string;
    readonly what: { readonly daily: string; readonly weekly: string; readonly client: string; readonly monthly: string; readonly kickoff: string };
    readonly reasons: Readonly<Record<'channel_not_found' | 'not_in_channel' | 'is_archived' | 'no_channel' | 'other', string>>;
    readonly fix: string;
  };
  /** A logged metric nobody fed, with the KPIs that rest on it when it is not one itself: `leads (what lead-to-meeting rate is worked out from)`. */
  readonly quietInput: (p: { metric: string; kpis: string }) => string;
  /** Over whom a team rate was read: `inside sales`. */
  readonly roleGroups: Readonly<Record<'inside' | 'field' | 'cs' | 'manager', string>>;
  readonly advice: {
    readonly metric: Readonly<Record<AdvisedMetric, Variants>>;
    readonly stage: Readonly<Record<StageKind, Variants>>;
    readonly quality: Variants;
    readonly volume: Variants;
    readonly quiet: Variants<{ metrics: string }>;
    readonly momentum: Variants;
  };
}
