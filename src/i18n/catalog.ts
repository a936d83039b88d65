import type { ChartsCatalog } from './charts-catalog.js';
import type { ClientsCatalog } from './clients-catalog.js';
import type { CycleCatalog } from './cycle-catalog.js';
import type { DigestCatalog } from './digest-catalog.js';
import type { FormsCatalog } from './forms-catalog.js';
import type { ManageCatalog } from './manage-catalog.js';
import type { MetricsCatalog } from './metrics-catalog.js';
import type { OneOnOneCatalog } from './oneonone-catalog.js';
import type { PeopleCatalog } from './people-catalog.js';

/**
 * One key set for every language. Parameters arrive already formatted for the reader (numbers,
 * days, metric names), so a catalog is only wording. A `Variants` entry holds several phrasings of
 * one sentence; which one is said is picked by date, so the same sentence is not said every morning.
 */

export type Variants<P = void> = readonly ((p: P) => string)[];

/** Every command help knows, plus the bare `/kpi`. */
export const HELP_TOPICS = ['overview', 'log', 'undo', 'edit', 'status', 'target', 'targets', 'template', 'team', 'settings', 'tree', 'plan', '1on1', 'export', 'morning-dm', 'metric', 'off', 'reminder', 'client', 'decision', 'definitions', 'diagnose', 'help'] as const;
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
  readonly nothingChanged: string;
  readonly internalError: string;
  readonly storeUnavailable: string;
  /** What a command met a damaged database file: nothing was changed, and the admin knows. */
  readonly storeDamaged: string;
  readonly stillWorking: string;
  readonly itemSeparator: string;
  /** How other pieces are joined, so no renderer has to choose by language. */
  readonly separators: {
    /** Names in a list: `calls, meetings` / `架電・商談`. */
    readonly names: string;
    /** Clauses of one line: `ahead by 5 · heading for 900` / `5件先行、着地見込み900件`. */
    readonly details: string;
    /** Settings that changed together. */
    readonly changes: string;
    /** Between two dates: `Mon 16 Nov – Sun 22 Nov` / `11月16日(月)〜11月22日(日)`. */
    readonly dateRange: string;
    /** Between two weekdays: `Mon–Fri` / `月〜金`. */
    readonly dayRange: string;
    /** Between sentences of a paragraph. */
    readonly sentences: string;
  };
  /** A label with its date: `today (Fri 20 Nov)` / `今日(11月20日(金))`. */
  readonly withDate: (p: { label: string; date: string }) => string;

  readonly logStored: (p: { items: string; when: string }) => string;
  readonly dayTotal: (p: { items: string; when: string; isToday: boolean }) => string;
  readonly logCheers: Variants;
  /** For a log dated before today: thanks for filling it in, never for logging "right away". */
  readonly backdatedCheers: Variants;
  readonly noteSaved: (p: { note: string }) => string;
  readonly newApproachCheers: Variants;
  readonly undoHint: string;
  readonly alreadyLogged: string;

  readonly undone: (p: { items: string; when: string; time: string }) => string;
  readonly undoneDayTotal: (p: { items: string; when: string }) => string;
  readonly undoneDayEmpty: (p: { when: string }) => string;
  readonly nothingToUndo: string;

  /** `/kpi edit`: the log a correction changed, each number as `before → after`. */
  readonly edited: (p: { items: string; when: string; time: string }) => string;
  readonly editedItem: (p: { from: string; to: string }) => string;
  readonly editUnchanged: (p: { items: string }) => string;
  readonly editFooter: string;

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
    readonly twoClients: (p: { word: string }) => string;
    readonly unknownClient: (p: { word: string; choices: string }) => string;
    readonly whichClient: (p: { choices: string; example: string }) => string;
    readonly notInClient: (p: { client: string }) => string;
    readonly nothingToEdit: (p: { metric: string; when: string | null; max: number }) => string;
    readonly snapshotTwice: (p: { metric: string; first: string; second: string }) => string;
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
    readonly retiredMetric: (p: { metric: string }) => string;
    readonly handoffNotAPerson: (p: { word: string }) => string;
    readonly badFormula: (p: { word: string }) => string;
  };
  /** The right form to type, shown under a problem with the command it belongs to. */
  readonly rightForm: (p: { usage: string; example: string }) => string;
}

export type { FormsCatalog, ManageCatalog };

export interface Catalog extends CoreCatalog, ManageCatalog, FormsCatalog, DigestCatalog, OneOnOneCatalog, MetricsCatalog, PeopleCatalog, ChartsCatalog, ClientsCatalog, CycleCatalog {}
