/** Modals and App Home. */
export interface FormsCatalog {
  readonly save: string;
  readonly cancel: string;
  /** The button that closes a form after it has been saved. */
  readonly close: string;
  /** Under a field whose value came in a shape the form does not have (a number for text, a list for one choice). */
  readonly badField: string;
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
    readonly reminder: string;
    readonly paceAlerts: string;
    readonly monthReview: string;
    readonly kickoff: string;
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
    readonly client: string;
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
