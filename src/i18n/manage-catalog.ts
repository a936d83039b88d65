import type { Variants } from './catalog.js';

/** Teams, settings, targets, templates, status, tree and plan. */
export interface ManageCatalog {
  readonly refusal: (p: { action: string; who: string }) => string;
  readonly whoAdmins: (p: { admins: string }) => string;
  readonly whoTeamManagers: (p: { team: string; managers: string; admins: string }) => string;
  readonly slackAdmins: string;
  readonly actions: {
    readonly viewOthers: (p: { person: string }) => string;
    readonly prepare1on1: (p: { person: string }) => string;
    readonly setTargets: string;
    readonly applyTemplate: string;
    readonly defineTree: string;
    readonly manageMembers: string;
    readonly changeSettings: string;
    readonly createTeam: string;
    readonly defineMetrics: string;
  };
  readonly noTeam: string;

  readonly teamCreated: (p: { team: string; channel: string; youManage: boolean }) => string;
  readonly teamNameTaken: (p: { team: string }) => string;
  readonly membersAdded: (p: { people: string; team: string; asManager: boolean }) => string;
  readonly membersMoved: (p: { person: string; from: string }) => string;
  readonly membersUnchanged: (p: { people: string }) => string;
  readonly membersRemoved: (p: { people: string; team: string }) => string;
  readonly membersNotThere: (p: { people: string; team: string }) => string;
  readonly teamTitle: (p: { team: string }) => string;
  readonly teamChannel: (p: { channel: string }) => string;
  readonly teamNoChannel: string;
  readonly teamManagers: (p: { people: string }) => string;
  readonly teamMembers: (p: { count: number; people: string }) => string;
  readonly teamNoMembers: string;
  readonly teamHint: string;

  readonly settingsTitle: (p: { team: string }) => string;
  readonly settingsLines: {
    readonly channel: (p: { value: string }) => string;
    readonly timezone: (p: { value: string }) => string;
    readonly language: (p: { value: string }) => string;
    readonly daily: (p: { value: string }) => string;
    readonly weekly: (p: { day: string; value: string }) => string;
    readonly workdays: (p: { value: string }) => string;
    readonly holidays: (p: { value: string }) => string;
    readonly catchup: (p: { hours: number }) => string;
    readonly morningDm: (p: { on: boolean }) => string;
    readonly oneOnOneLead: (p: { value: string }) => string;
    readonly checkIn: (p: { on: boolean }) => string;
    readonly funnel: (p: { value: string }) => string;
    readonly closures: (p: { value: string }) => string;
    readonly reminder: (p: { value: string }) => string;
    readonly paceAlerts: (p: { on: boolean }) => string;
    readonly monthReview: (p: { on: boolean }) => string;
    readonly kickoff: (p: { on: boolean }) => string;
  };
  readonly settingsUpdated: (p: { team: string; what: string }) => string;
  readonly off: string;
  readonly holidayNames: { readonly jp: string; readonly none: string };
  readonly languageNames: { readonly en: string; readonly ja: string };
  readonly leadDefault: string;
  readonly settingProblems: {
    readonly badZone: (p: { word: string }) => string;
    readonly badLanguage: (p: { word: string }) => string;
    readonly badClock: (p: { word: string }) => string;
    readonly badWeekday: (p: { word: string }) => string;
    readonly badWorkdays: (p: { word: string }) => string;
    readonly badHolidays: (p: { word: string }) => string;
    readonly badHours: (p: { word: string; max: number; orDefault: boolean }) => string;
    readonly badSwitch: (p: { word: string }) => string;
    readonly missingValue: (p: { key: string }) => string;
    readonly badChannel: (p: { word: string }) => string;
    readonly badFunnelMetric: (p: { word: string }) => string;
    readonly funnelTooShort: string;
  };

  readonly perPeriod: Readonly<Record<'day' | 'week' | 'month' | 'quarter' | 'year', (p: { amount: string }) => string>>;
  readonly atMost: (p: { amount: string }) => string;
  readonly targetSetFor: (p: { subject: string; items: string; since: string }) => string;
  readonly targetRemovedFor: (p: { subject: string; metric: string; since: string }) => string;
  readonly subjectMembers: (p: { team: string; count: number }) => string;
  readonly subjectTeam: (p: { team: string }) => string;
  readonly focusNudge: (p: { person: string; count: number }) => string;
  readonly stretchNudge: (p: { person: string; target: string; pace: string }) => string;
  readonly easyNudge: (p: { person: string; target: string; pace: string }) => string;
  readonly templateApplied: (p: { role: string; people: string; items: string }) => string;
  readonly templateTeamPart: (p: { team: string; items: string }) => string;
  readonly templateComputed: string;
  /** The template's secondary KPIs, left out unless asked for. */
  readonly templateSecondary: (p: { items: string; command: string }) => string;
  readonly roleNames: Readonly<Record<'sdr' | 'bdr' | 'field' | 'cs' | 'manager', string>>;
  /** `own`: the reader's own targets ("Your targets"), else another person's, named by `subject`. */
  readonly targetsTitle: (p: { subject: string; when: string; own: boolean }) => string;
  readonly targetsLine: (p: { metric: string; target: string; since: string; by: string }) => string;
  readonly targetsNone: (p: { subject: string; own: boolean }) => string;
  readonly targetsTeamTitle: (p: { team: string }) => string;

  readonly statusTitle: (p: { subject: string; period: string }) => string;
  readonly you: string;
  readonly periodNames: Readonly<Record<'day' | 'week' | 'month' | 'quarter' | 'year', (p: { start: string; end: string; month: string }) => string>>;
  /** A KPI's first line: its name, the figure with its unit (`600 / 1,000 calls`), the share of the target when there is one. */
  readonly statusActual: (p: { metric: string; figure: string; attainment: string | null }) => string;
  readonly statusReached: Variants<{ metric: string }>;
  readonly statusAhead: (p: { amount: string }) => string;
  readonly statusOnPace: string;
  readonly statusToPace: (p: { amount: string }) => string;
  readonly statusToPaceTeam: (p: { amount: string }) => string;
  readonly statusForecast: (p: { amount: string; end: string }) => string;
  readonly statusPerDay: (p: { amount: string; days: number }) => string;
  readonly statusRateFrom: (p: { numerator: string; denominator: string }) => string;
  readonly statusWithinLimit: string;
  readonly statusOverLimit: (p: { amount: string }) => string;
  readonly statusAlsoLogged: (p: { items: string }) => string;
  readonly statusRates: (p: { items: string }) => string;
  /** A rate of a base as the period started: `from 4 churns of 100 customers at period start`. */
  readonly statusRateFromStart: (p: { numerator: string; denominator: string }) => string;
  /** The target as it was set, when the period restates it (a yearly churn limit for a month). */
  readonly statusStated: (p: { target: string }) => string;
  /** How old a snapshot's value is: `as of Mon 16 Nov`. */
  readonly statusAsOf: (p: { day: string }) => string;
  readonly statusHandoffs: (p: { days: number; handed: number; won: number; rate: string }) => string;
  /** Each shown rate's formula. */
  readonly statusFormulas: (p: { formulas: string }) => string;
  readonly formulas: {
    readonly atStart: (p: { name: string }) => string;
    readonly atEnd: (p: { name: string }) => string;
  };
  readonly statusNoTargets: string;
  readonly statusLead: Variants<{ items: string }>;
  readonly statusLeadEmpty: Variants;
  readonly overviewWeekMonth: (p: { week: string; month: string }) => string;
  readonly todayAsks: (p: { amount: string; target: string }) => string;
  readonly overviewSetTargets: string;
  readonly morningDmSet: (p: { on: boolean }) => string;
  readonly exportSent: (p: { file: string; rows: string }) => string;
  readonly exportNone: string;
  readonly exportComment: (p: { who: string; period: string; rows: string; columns: string }) => string;
  readonly exportAll: string;
  readonly exportTeam: (p: { team: string }) => string;

  readonly treeTitle: (p: { team: string }) => string;
  readonly treeDerived: string;
  readonly treeExampleTitle: string;
  readonly treeExampleNote: string;
  readonly treeExampleAdopted: (p: { team: string; count: number }) => string;
  readonly treeExampleRetired: (p: { metrics: string }) => string;
  readonly treeNone: string;
  readonly treeNodeSet: (p: { metric: string; target: string; parent: string | null }) => string;
  readonly treeCleared: (p: { count: number }) => string;
  readonly treeProblems: {
    readonly noRoot: string;
    readonly twoRoots: (p: { metrics: string }) => string;
    readonly unknownParent: (p: { metric: string; parent: string }) => string;
    readonly cycle: (p: { metric: string }) => string;
    readonly duplicateMetric: (p: { metric: string }) => string;
    readonly tooDeep: (p: { max: number }) => string;
  };

  readonly planTitle: (p: { amount: string; period: string }) => string;
  readonly planChain: (p: { wins: string; meetings: string; calls: string }) => string;
  readonly planPerDay: (p: { days: number; wins: string; meetings: string; calls: string }) => string;
  readonly planRatesTitle: string;
  readonly planRate: (p: { name: string; value: string; source: string }) => string;
  readonly planSources: {
    readonly given: string;
    readonly history: (p: { days: number }) => string;
    readonly fallback: (p: { why: string }) => string;
    /** History read over one role group: `your team’s last 90 days, field sales`. */
    readonly over: (p: { source: string; group: string }) => string;
  };
  readonly planTooLittle: (p: { count: string }) => string;
  readonly planTry: string;
  readonly planProblem: (p: { what: string }) => string;
}
