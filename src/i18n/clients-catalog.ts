import type { Variants } from './catalog.js';

/**
 * The wording of client engagements (seed 003): the client's report with its phases, definitions,
 * decisions and agenda; `/kpi client`, `/kpi decision` and `/kpi definitions`.
 */
export interface ClientsCatalog {
  readonly clients: {
    readonly reportTitle: (p: { client: string; period: string; cadence: 'weekly' | 'monthly' }) => string;
    /** What went well, first: goals reached, a phase that converted better, or the work done. */
    readonly leadReached: Variants<{ kpis: string; month: string }>;
    readonly leadImproved: Variants<{ rate: string; current: string; baseline: string }>;
    readonly leadActivity: Variants<{ items: string; people: number }>;
    readonly leadQuiet: string;
    readonly targetsTitle: (p: { month: string; asOf: string }) => string;
    readonly kpiLine: (p: { name: string; figure: string; attainment: string | null }) => string;
    readonly kpiReached: string;
    readonly kpiForecast: (p: { amount: string }) => string;
    readonly kpiDistance: (p: { amount: string; month: string }) => string;
    readonly noTargets: string;
    readonly phasesTitle: (p: { period: string; cadence: 'weekly' | 'monthly' }) => string;
    readonly phaseLine: (p: { from: string; to: string; rate: string; value: string; previous: string | null; counts: string }) => string;
    readonly phaseTooFew: (p: { from: string; to: string; counts: string }) => string;
    readonly noPhases: string;
    readonly bottleneck: Variants<{ stage: string; current: string; baseline: string; cadence: 'weekly' | 'monthly' }>;
    readonly steady: Variants;
    readonly towardGoal: Variants<{ kpi: string; amount: string; month: string }>;
    readonly onePractice: (p: { advice: string }) => string;
    readonly decisionsTitle: string;
    readonly decisionLine: (p: { day: string; text: string }) => string;
    readonly noDecisions: (p: { command: string }) => string;
    readonly agendaTitle: string;
    readonly agendaResults: (p: { summary: string }) => string;
    readonly agendaWhy: (p: { stage: string }) => string;
    readonly agendaWorked: (p: { stage: string | null }) => string;
    readonly agendaDecide: string;
    readonly agendaFollowUp: (p: { count: number }) => string;
    readonly definitionsTitle: string;
    readonly footer: string;

    readonly measured: { readonly flow: string; readonly snapshot: string; readonly rate: (p: { formula: string }) => string };
    readonly definitionLine: (p: { name: string; unit: string; how: string; agreed: string | null }) => string;
    readonly units: { readonly count: string; readonly currency: string; readonly percent: string; readonly score: string };
    readonly definitionsPageTitle: (p: { team: string }) => string;
    readonly definitionsPageEmpty: string;
    readonly definitionsPageHint: string;
    readonly definitionSaved: (p: { name: string; text: string }) => string;
    readonly definitionCleared: (p: { name: string }) => string;

    readonly listTitle: string;
    readonly listNone: string;
    readonly listLine: (p: { client: string; channel: string; cadence: string; people: number }) => string;
    readonly cadenceName: { readonly weekly: string; readonly monthly: string };
    readonly reportWhen: { readonly weekly: (p: { day: string; time: string }) => string; readonly monthly: (p: { time: string }) => string; readonly off: string };
    readonly noChannel: string;
    readonly created: (p: { client: string; channel: string; cadence: string; language: string }) => string;
    readonly createdNext: (p: { client: string }) => string;
    readonly exists: (p: { client: string }) => string;
    readonly notFound: (p: { word: string; known: string }) => string;
    readonly missingName: string;
    readonly joined: (p: { client: string; people: string }) => string;
    readonly alreadyIn: (p: { client: string; people: string }) => string;
    readonly left: (p: { client: string; people: string }) => string;
    readonly notIn: (p: { client: string; people: string }) => string;
    readonly defaultSet: (p: { client: string }) => string;
    readonly defaultNotMember: (p: { client: string }) => string;
    readonly cadenceSet: (p: { client: string; cadence: string; when: string }) => string;
    readonly showTitle: (p: { client: string }) => string;
    readonly showLines: (p: { channel: string; cadence: string; language: string; people: string; funnel: string }) => string;
    readonly showTargets: (p: { targets: string }) => string;
    readonly showNoTargets: (p: { client: string }) => string;
    readonly showHint: (p: { client: string }) => string;
    readonly notForClient: (p: { word: string }) => string;
    readonly reportPreview: string;

    readonly decisionSaved: (p: { where: string; text: string }) => string;
    readonly decisionsListTitle: (p: { where: string }) => string;
    readonly decisionsListNone: (p: { where: string }) => string;
    readonly decisionTooLong: (p: { max: number }) => string;
  };
}
