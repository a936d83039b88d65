import type { StageKind } from '../domain/funnel.js';
import type { ActionKey, QuestionKey, Situation } from '../domain/oneonone.js';
import type { Variants } from './catalog.js';

/** The wording of 1on1 preps, check-ins and the `/kpi 1on1` commands. */
export interface OneOnOneCatalog {
  readonly oneonone: {
    readonly title: (p: { rep: string; when: string }) => string;
    readonly periodLine: (p: { from: string; to: string; since: 'last1on1' | 'twoWeeks' }) => string;
    readonly wentWellTitle: string;
    readonly best: Variants<{ amount: string }>;
    readonly streak: Variants<{ days: number }>;
    readonly rateRose: Variants<{ rate: string; from: string; to: string; points: string }>;
    readonly newApproach: Variants<{ note: string }>;
    /** `rise` is unsigned (`25%`): a phrasing that wants a sign writes it. */
    readonly activityUp: Variants<{ metric: string; rise: string }>;
    readonly effort: Variants<{ items: string }>;
    readonly fresh: Variants;
    /** The month's KPIs, titled with the days they count (the month so far), apart from the period's comparisons. */
    readonly kpisTitle: (p: { from: string; to: string }) => string;
    /** A stage far above the team median (`times` is `2`, `2.4`): the first thing to praise. */
    readonly strengthFar: (p: { stage: string; rate: string; median: string; times: string }) => string;
    /** A stage above the team median. */
    readonly strengthAbove: (p: { stage: string; rate: string; median: string; times: string }) => string;
    readonly funnelTitle: string;
    /** One stage of the rep's funnel: `520 calls → 140 connects: connect rate 26.9% (+1.2 points on the period before · team median 27.5%)`. */
    readonly funnelRow: (p: { from: string; to: string; rate: string; details: string | null }) => string;
    readonly funnelChange: (p: { points: string }) => string;
    readonly funnelFlat: string;
    readonly funnelMedian: (p: { median: string }) => string;
    /** A stage with too few tries in the period for its rate to mean much. */
    readonly funnelTooFew: (p: { rate: string }) => string;
    readonly workOnTitle: string;
    readonly stage: Variants<{ stage: string; current: string; own: string; team: string | null }>;
    readonly quality: Variants;
    readonly volume: Variants;
    readonly quietTrap: Variants<{ metrics: string }>;
    readonly targetHigh: Variants<{ metric: string; target: string; pace: string }>;
    readonly targetLow: Variants<{ metric: string; target: string; pace: string }>;
    readonly targetAdvice: Variants;
    readonly nothingToFix: Variants;
    readonly questionsTitle: string;
    readonly questions: Readonly<Record<QuestionKey, (p: { stage: string }) => string>>;
    readonly planTitle: string;
    readonly planKpi: (p: { kpi: string }) => string;
    readonly planMeasure: (p: { measure: string }) => string;
    readonly planActions: string;
    readonly measures: Readonly<Record<Situation | StageKind, string>>;
    /** What a question about "the stage" names when no stage is to be coached. */
    readonly defaultStage: string;
    readonly actions: Readonly<Record<ActionKey, string>>;
    readonly lastPlanTitle: string;
    readonly lastPlan: (p: { day: string; text: string }) => string;
    readonly movedSince: (p: { moves: string }) => string;
    readonly noLastPlan: string;
    readonly checkInTitle: (p: { rep: string }) => string;
    readonly checkInWentWell: (p: { text: string }) => string;
    readonly checkInWantHelp: (p: { text: string }) => string;
    readonly saveButton: string;
    readonly footer: string;
    readonly holidayNote: (p: { rep: string; day: string; holiday: string }) => string;

    readonly scheduled: (p: { rep: string; when: string; every: 1 | 2; prep: string }) => string;
    readonly unscheduled: (p: { rep: string }) => string;
    readonly notScheduled: (p: { rep: string }) => string;
    readonly listTitle: string;
    readonly listLine: (p: { rep: string; when: string; every: 1 | 2; manager: string }) => string;
    readonly listNone: string;
    readonly sentByDm: (p: { rep: string }) => string;
    readonly planSaved: (p: { rep: string }) => string;
    readonly planEmpty: string;
    /** A plan longer than the bound: nothing is saved, and the bound is said. */
    readonly planTooLong: (p: { max: string; length: string }) => string;
    /** The plan form for someone the bot does not know in this workspace. */
    readonly planNobody: (p: { rep: string }) => string;
    /** A check-in from someone with no 1on1 scheduled. */
    readonly noCheckIn: string;
    /** A check-in answer longer than the bound. */
    readonly answerTooLong: (p: { max: string; length: string }) => string;
    readonly weekdayTime: (p: { weekday: string; time: string }) => string;
    readonly prepAt: (p: { time: string; daysBefore: number }) => string;

    readonly checkInDm: (p: { day: string; time: string }) => string;
    readonly checkInButton: string;
    readonly checkInForm: { readonly title: string; readonly wentWell: string; readonly wantHelp: string; readonly thanks: string };
    readonly planForm: { readonly title: string; readonly label: string; readonly hint: string };
  };
}
