import type { Variants } from './catalog.js';

/**
 * The wording of the monthly cycle and the plans people act on (seed 004), and of the diagnosis
 * (seed 003): the KGI gap, the month-end review, the kickoff, `/kpi plan … apply`, the agreed plan
 * in the morning DM, App Home and the next prep, and `/kpi diagnose`. Every figure arrives
 * formatted with its unit.
 */
export interface CycleCatalog {
  readonly cycle: {
    /** The KGI's line in `/kpi tree`: where the forecast lands against the target, said as the distance to the goal. */
    readonly kgiGap: (p: { target: string; forecast: string; distance: string; perDay: string | null }) => string;
    readonly kgiSoFar: (p: { target: string; actual: string; distance: string; perDay: string | null }) => string;
    readonly kgiOnCourse: (p: { target: string; forecast: string }) => string;
    readonly kgiReached: (p: { target: string; actual: string }) => string;

    readonly reviewTitle: (p: { team: string; month: string }) => string;
    readonly reviewLead: Variants<{ items: string; month: string }>;
    readonly reviewLeadQuiet: (p: { month: string }) => string;
    readonly reviewReached: Variants<{ metrics: string; month: string }>;
    readonly resultsTitle: (p: { month: string }) => string;
    readonly resultLine: (p: { name: string; figure: string; attainment: string | null; previous: string | null }) => string;
    readonly resultReached: string;
    readonly resultDistance: (p: { amount: string }) => string;
    readonly noTeamTargets: (p: { month: string }) => string;
    readonly treeTitle: string;
    readonly workedTitle: string;
    readonly workedKpi: Variants<{ kpi: string; before: string; after: string; rise: string; previous: string }>;
    readonly workedStage: Variants<{ stage: string; before: string; after: string; previous: string; month: string }>;
    readonly workedSteady: Variants<{ previous: string }>;
    readonly nextTitle: (p: { month: string }) => string;
    readonly nextFocus: Variants<{ kpi: string; distance: string; month: string; next: string }>;
    readonly nextAllReached: Variants<{ month: string; next: string }>;
    readonly onePractice: (p: { advice: string }) => string;
    readonly decisionsTitle: (p: { month: string }) => string;
    readonly noDecisions: (p: { month: string; command: string }) => string;
    readonly reviewFooter: string;

    readonly kickoffTitle: (p: { team: string; month: string }) => string;
    readonly kickoffLead: Variants<{ month: string; last: string; items: string }>;
    readonly kickoffLeadFirst: Variants<{ month: string }>;
    readonly kickoffKgi: (p: { kgi: string; last: string; target: string; distance: string; lastMonth: string }) => string;
    readonly kickoffKgiWithin: (p: { kgi: string; last: string; target: string; lastMonth: string }) => string;
    readonly kickoffTargetsTitle: (p: { month: string; workdays: number }) => string;
    readonly kickoffLine: (p: { name: string; target: string; perDay: string | null }) => string;
    readonly kickoffNoTargets: (p: { month: string }) => string;
    readonly kickoffStart: Variants;
    readonly kickoffFooter: string;

    readonly applyTitle: string;
    readonly applyAsk: (p: { team: string; since: string; items: string; tree: string }) => string;
    readonly applyButton: string;
    readonly applyHint: string;
    readonly applyModalTitle: string;
    readonly applied: (p: { team: string; since: string; items: string; tree: string }) => string;
    readonly appliedAlready: (p: { day: string; by: string }) => string;
    readonly applyExpired: (p: { period: string }) => string;
    readonly applyMissing: string;
    readonly applyNoMetrics: string;

    readonly planTitle: (p: { day: string }) => string;

    readonly keptTitle: string;
    readonly keptLine: (p: { agreed: string; logged: string; days: number; share: string }) => string;
    readonly keptNone: (p: { agreed: string; days: number }) => string;
    readonly keptReached: Variants<{ metric: string }>;
    readonly keptDistance: (p: { more: string }) => string;
    readonly keptAdvice: Variants;
    readonly keptNoneAdvice: Variants;
    readonly keptTooSoon: string;
    readonly keptNoKpi: string;
    /** An amount per a plan's cadence: `10 leads a workday`, `リード 1営業日あたり10件`. */
    readonly perCadence: Readonly<Record<'workday' | 'week' | 'month', (p: { name: string; quantity: string }) => string>>;

    readonly diagnoseTitle: (p: { subject: string; period: string }) => string;
    readonly diagnoseHolds: Variants<{ items: string }>;
    readonly diagnoseEffort: Variants<{ items: string }>;
    readonly diagnoseFresh: string;
    readonly diagnoseAllOnPace: (p: { period: string }) => string;
    readonly diagnoseNoTargets: (p: { subject: string }) => string;
    readonly diagnoseKpi: (p: { name: string; figure: string; attainment: string | null }) => string;
    readonly diagnoseDistance: (p: { amount: string; ended: boolean }) => string;
    readonly designFar: (p: { target: string; best: string }) => string;
    readonly designUnlinked: (p: { name: string }) => string;
    readonly executionPeople: (p: { people: string; change: string; self: boolean; count: number }) => string;
    readonly executionStage: (p: { stage: string; current: string; baseline: string }) => string;
    readonly market: (p: { fell: number; of: number; change: string }) => string;
    readonly unclear: string;
    readonly checklistTitle: string;
    readonly checklist: {
      readonly design: readonly ((p: { name: string; suggested: string | null; command: string | null }) => string)[];
      readonly execution: readonly ((p: { name: string; person: string | null; self: boolean; advice: string | null }) => string)[];
      readonly market: readonly ((p: { name: string }) => string)[];
      readonly unclear: readonly ((p: { name: string }) => string)[];
    };
    readonly diagnoseBasis: (p: { from: string; to: string }) => string;
    readonly diagnoseFooter: string;
  };
}
