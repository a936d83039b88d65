import type { Variants } from './catalog.js';

/**
 * The wording of what reaches the right people: days off, evening reminders, managers' pace alerts,
 * and to whom a 1on1's prep goes.
 */
export interface PeopleCatalog {
  readonly people: {
    readonly daysOffAdded: (p: { range: string; workdays: number }) => string;
    readonly daysOffAlready: (p: { range: string }) => string;
    readonly daysOffUndo: (p: { command: string }) => string;
    readonly daysOffCancelled: (p: { range: string; count: number }) => string;
    readonly daysOffNothingToCancel: (p: { range: string }) => string;
    readonly daysOffTitle: string;
    readonly daysOffNone: string;
    /** Said after a range read from Slack's status, with its own spacing: ` (from your Slack status)`. */
    readonly daysOffFromSlack: string;
    readonly daysOffClosures: (p: { team: string; ranges: string }) => string;
    readonly daysOffHint: string;
    readonly rangeProblems: {
      readonly badRange: (p: { word: string }) => string;
      readonly tooLong: (p: { days: number; max: number }) => string;
      readonly tooFarBack: (p: { day: string; max: number }) => string;
      readonly tooFarAhead: (p: { day: string; max: number }) => string;
    };
    readonly tooManyClosures: (p: { max: number }) => string;
    readonly closureName: string;
    readonly none: string;

    readonly reminderSet: (p: { on: boolean; teamTime: string | null }) => string;
    readonly reminder: Variants<{ day: string; streak: number }>;
    readonly reminderHow: string;
    readonly reminderButton: string;
    readonly reminderFooter: string;

    readonly alertTitle: (p: { who: string; metric: string }) => string;
    readonly alertTeam: (p: { team: string }) => string;
    /** Amounts come with their unit (`60 calls`, `60件`); the metric's name is given apart. */
    readonly alertSoFar: Variants<{ metric: string; month: string; actual: string; target: string; attainment: string; elapsed: number; total: number }>;
    readonly alertDistance: Variants<{ metric: string; forecast: string; end: string; perDay: string; remaining: number }>;
    readonly alertNextMember: (p: { person: string }) => string;
    readonly alertNextTeam: string;
    readonly alertFooter: string;

    readonly prepToManagers: (p: { team: string; managers: string; by: string }) => string;
    readonly scheduledToManagers: (p: { team: string; managers: string }) => string;
    readonly noManagerForPrep: (p: { team: string }) => string;
    /** Who a 1on1 is with in `/kpi 1on1 schedule`'s list, when its prep goes to every manager of the team. */
    readonly listToManagers: (p: { team: string }) => string;
  };
}
