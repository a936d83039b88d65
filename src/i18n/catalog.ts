import type { DigestCatalog } from './digest-catalog.js';
import type { OneOnOneCatalog } from './oneonone-catalog.js';

/**
 * One key set for every language. Parameters arrive already formatted for the reader (numbers,
 * days, metric names), so a catalog is only wording. A `Variants` entry holds several phrasings of
 * one sentence; which one is said is picked by date, so the same sentence is not said every morning.
 */

export type Variants<P = void> = readonly ((p: P) => string)[];

/** Every command help knows, plus the bare `/kpi`. */
export const HELP_TOPICS = ['overview', 'log', 'undo', 'status', 'target', 'targets', 'template', 'team', 'settings', 'tree', 'plan', '1on1', 'export', 'morning-dm', 'help'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export interface HelpEntry {
  readonly usage: string;
  readonly summary: string;
  readonly details: readonly string[];
  readonly examples: readonly string[];
}

export interface CoreCatalog {
  readonly today: string;
  readonly yesterday: string;
  readonly nothingStored: string;
  readonly internalError: string;
  readonly storeUnavailable: string;
  readonly stillWorking: string;
  readonly itemSeparator: string;

  readonly logStored: (p: { items: string; when: string }) => string;
  readonly dayTotal: (p: { items: string; when: string; isToday: boolean }) => string;
  readonly logCheers: Variants;
  readonly noteSaved: (p: { note: string }) => string;
  readonly newApproachCheers: Variants;
  readonly undoHint: string;
  readonly alreadyLogged: string;

  readonly undone: (p: { items: string; when: string; time: string }) => string;
  readonly undoneDayTotal: (p: { items: string; when: string }) => string;
  readonly undoneDayEmpty: (p: { when: string }) => string;
  readonly nothingToUndo: string;

  readonly overviewTitle: (p: { when: string }) => string;
  readonly overviewEmpty: Variants;
  readonly overviewHint: string;

  readonly helpTitle: string;
  readonly helpIntro: string;
  readonly helpMore: string;
  readonly helpMetricsTitle: string;
  readonly helpNumbers: string;
  readonly helpExamples: string;
  readonly helpUnknownTopic: (p: { word: string }) => string;
  readonly help: Readonly<Record<HelpTopic, HelpEntry>>;

  readonly problems: {
    readonly unknownCommand: (p: { word: string; suggestions: string }) => string;
    readonly emptyLog: string;
    readonly missingValue: (p: { metric: string }) => string;
    readonly notANumber: (p: { metric: string; word: string }) => string;
    readonly numberWithoutMetric: (p: { word: string }) => string;
    readonly negative: (p: { word: string }) => string;
    readonly notWhole: (p: { metric: string; value: string }) => string;
    readonly percentOnCount: (p: { metric: string; word: string }) => string;
    readonly tooLarge: (p: { amount: string; max: string }) => string;
    readonly dayTotalTooLarge: (p: { total: string; max: string; metric: string }) => string;
    readonly unknownMetric: (p: { word: string; suggestions: string }) => string;
    readonly derivedMetric: (p: { metric: string; numerator: string; denominator: string }) => string;
    readonly badDate: (p: { word: string }) => string;
    readonly twoDates: (p: { word: string }) => string;
    readonly futureDate: (p: { day: string }) => string;
    readonly tooOld: (p: { day: string; max: number }) => string;
    readonly noteTooLong: (p: { max: number }) => string;
    readonly textTooLong: (p: { max: number }) => string;
    readonly unexpectedWord: (p: { command: string; word: string }) => string;
    readonly missingMetric: string;
    readonly unknownMetricIn: (p: { word: string; suggestions: string }) => string;
    readonly badTargetValue: (p: { word: string }) => string;
    readonly badPeriod: (p: { word: string }) => string;
    readonly missingPeople: string;
    readonly unknownRole: (p: { word: string }) => string;
    readonly missingTeamName: string;
    readonly unknownSettingKey: (p: { word: string; keys: string }) => string;
    readonly unknownWord: (p: { word: string }) => string;
    readonly badRate: (p: { word: string }) => string;
  };
  /** The right form to type, shown under a problem with the command it belongs to. */
  readonly rightForm: (p: { usage: string; example: string }) => string;
}

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
  };
  readonly noTeam: string;
  readonly personNotInTeam: (p: { person: string }) => string;

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
    readonly badHours: (p: { word: string; max: number }) => string;
    readonly badSwitch: (p: { word: string }) => string;
    readonly missingValue: (p: { key: string }) => string;
    readonly badChannel: (p: { word: string }) => string;
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
  readonly roleNames: Readonly<Record<'sdr' | 'bdr' | 'field' | 'cs' | 'manager', string>>;
  readonly targetsTitle: (p: { subject: string; when: string }) => string;
  readonly targetsLine: (p: { metric: string; target: string; since: string; by: string }) => string;
  readonly targetsNone: (p: { subject: string }) => string;
  readonly targetsTeamTitle: (p: { team: string }) => string;

  readonly statusTitle: (p: { subject: string; period: string }) => string;
  readonly you: string;
  readonly periodNames: Readonly<Record<'day' | 'week' | 'month' | 'quarter' | 'year', (p: { start: string; end: string; month: string }) => string>>;
  readonly statusActual: (p: { metric: string; actual: string; target: string; attainment: string }) => string;
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
  readonly statusNoTargets: string;
  readonly statusNothingYet: string;
  readonly statusLead: Variants<{ items: string }>;
  readonly statusLeadEmpty: Variants;
  readonly overviewWeekMonth: (p: { week: string; month: string }) => string;
  readonly todayAsks: (p: { amount: string; target: string }) => string;
  readonly overviewSetTargets: string;
  readonly morningDmSet: (p: { on: boolean }) => string;
  readonly exportSent: (p: { file: string; rows: string }) => string;
  readonly exportNone: string;
  readonly exportComment: (p: { who: string; period: string; rows: string }) => string;
  readonly exportAll: string;
  readonly exportTeam: (p: { team: string }) => string;

  readonly treeTitle: (p: { team: string }) => string;
  readonly treeDerived: string;
  readonly treeNone: string;
  readonly treeNodeSet: (p: { metric: string; target: string; parent: string | null }) => string;
  readonly treeCleared: (p: { count: number }) => string;
  readonly treeProblems: {
    readonly noRoot: string;
    readonly twoRoots: (p: { metrics: string }) => string;
    readonly unknownParent: (p: { metric: string; parent: string }) => string;
    readonly cycle: (p: { metric: string }) => string;
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
  };
  readonly planTooLittle: (p: { count: string }) => string;
  readonly planTry: string;
  readonly planProblem: (p: { what: string }) => string;
}

/** Modals and App Home. */
export interface FormsCatalog {
  readonly save: string;
  readonly cancel: string;
  /** The button that closes a form after it has been saved. */
  readonly close: string;
  readonly settingsForm: {
    readonly title: string;
    readonly timezone: string;
    readonly timezoneHint: string;
    readonly language: string;
    readonly daily: string;
    readonly clockHint: string;
    readonly weeklyDay: string;
    readonly weeklyTime: string;
    readonly workdays: string;
    readonly holidays: string;
    readonly catchup: string;
    readonly morningDm: string;
    readonly lead: string;
    readonly leadHint: string;
    readonly checkIn: string;
    readonly on: string;
    readonly off: string;
  };
  readonly logForm: {
    readonly title: string;
    readonly submit: string;
    readonly metric: (p: { n: number }) => string;
    readonly amount: (p: { n: number }) => string;
    readonly day: string;
    readonly note: string;
    readonly noteHint: string;
    readonly needAmount: string;
    readonly needMetric: string;
    readonly saved: (p: { items: string }) => string;
  };
  readonly targetForm: {
    readonly title: string;
    readonly metric: string;
    readonly amount: string;
    readonly amountHint: string;
    readonly period: string;
    readonly who: string;
    readonly whoMembers: string;
    readonly whoTeam: string;
    readonly whoPeople: string;
    readonly people: string;
    readonly needPeople: string;
    readonly periods: Readonly<Record<'day' | 'week' | 'month' | 'quarter' | 'year', string>>;
  };
  readonly home: {
    readonly title: (p: { name: string }) => string;
    /** The title when Slack has not told us the person's name. */
    readonly titleNoName: string;
    readonly logButton: string;
    readonly today: string;
    readonly week: string;
    readonly month: string;
    readonly streak: (p: { days: number }) => string;
    readonly noStreak: string;
    /** Under a streak on a workday without a log yet: what a log today makes it. */
    readonly streakNext: (p: { days: number }) => string;
    readonly noTargets: string;
    readonly nothingLogged: string;
    readonly teamTitle: (p: { team: string }) => string;
    readonly teamAtTarget: (p: { count: number; total: number; share: string }) => string;
    readonly memberLine: (p: { person: string; attainment: string }) => string;
    /** A member's line when they have no month targets. */
    readonly memberNoTargets: string;
    /** The team section when no member has a month target. */
    readonly teamNoTargets: string;
    /** The team's month so far, for a team without team-level targets. */
    readonly teamMonthTotals: (p: { items: string }) => string;
    readonly updated: (p: { time: string }) => string;
    readonly more: (p: { count: number }) => string;
  };
}

export interface Catalog extends CoreCatalog, ManageCatalog, FormsCatalog, DigestCatalog, OneOnOneCatalog {}
