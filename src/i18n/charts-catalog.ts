/** The wording of charts: titles, series and reference names, axis titles and text alternatives. */
export interface ChartsCatalog {
  readonly charts: {
    /** Weekly review: the team's main KPIs week by week. */
    readonly trendTitle: (p: { weeks: number }) => string;
    /** The series of a trend: each week's value (a sum, a snapshot's level or a rate). */
    readonly weekTotal: string;
    /** Weekly review: the funnel of the week reviewed. */
    readonly funnelTitle: (p: { week: string }) => string;
    readonly funnelSeries: string;
    /** 1on1 prep: the rep's KPIs over the period as a share of the target for the same workdays. */
    readonly periodTitle: (p: { from: string; to: string }) => string;
    readonly periodSeries: string;
    readonly ownBaseline: string;
    /** 1on1 prep: the rep's stage rates beside the team median. */
    readonly stagesTitle: (p: { from: string; to: string }) => string;
    readonly repSeries: string;
    readonly teamMedian: string;
    /** App Home: the month so far against the pace for today. */
    readonly paceTitle: (p: { month: string }) => string;
    readonly teamPaceTitle: (p: { team: string; month: string }) => string;
    readonly soFar: string;
    readonly paceToday: string;
    readonly target: string;
    readonly shareOfTarget: string;
    /** A value with the target it is set against: `"459 (target 500)"`. */
    readonly withTarget: (p: { value: string; target: string }) => string;
    /** A stage's conversion between two bars, by the rate's name: `"connect rate 26%"`. */
    readonly step: (p: { name: string; rate: string }) => string;
    /** A funnel bar of a metric read over some of the team (a metric with two bars): `"meetings (field sales)"`. */
    readonly readOver: (p: { metric: string; group: string }) => string;
    /** Whom a funnel bar was read over when it was everyone. */
    readonly wholeTeam: string;
    /** The opening of an image's alt text: `"Chart: …"`. */
    readonly altLead: (p: { title: string }) => string;
    /** A value the period has none of (a rate with nothing to divide by). */
    readonly none: string;
  };
}
