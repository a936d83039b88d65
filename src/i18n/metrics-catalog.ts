/** The wording of `/kpi metric`: the workspace's own definitions, listed, added, revised and retired. */
export interface MetricsCatalog {
  readonly metricList: {
    readonly title: string;
    readonly flows: string;
    readonly snapshots: string;
    readonly rates: string;
    readonly units: Readonly<Record<'count' | 'currency' | 'percent' | 'score', string>>;
    readonly kinds: Readonly<Record<'flow' | 'snapshot', string>>;
    readonly lowerIsBetter: string;
    readonly custom: string;
    readonly alsoTyped: (p: { names: string }) => string;
    readonly retired: (p: { metrics: string }) => string;
    readonly how: string;
  };
  readonly metricSaved: {
    readonly added: (p: { metric: string }) => string;
    readonly changed: (p: { metric: string }) => string;
    readonly flowHow: (p: { example: string }) => string;
    readonly snapshotHow: (p: { example: string }) => string;
    readonly rateHow: string;
    readonly formulaChanged: string;
    readonly retired: (p: { metric: string }) => string;
    readonly retiredWithHistory: (p: { metric: string }) => string;
    readonly restored: (p: { metric: string }) => string;
  };
  readonly metricProblems: {
    readonly nameTaken: (p: { name: string; metric: string }) => string;
    readonly unknownOperand: (p: { word: string; suggestions: string }) => string;
    readonly operandIsRate: (p: { metric: string }) => string;
    readonly startNeedsSnapshot: (p: { metric: string }) => string;
    readonly loggedAsPercent: string;
    readonly notFound: (p: { name: string; suggestions: string }) => string;
    readonly kindFixed: (p: { metric: string }) => string;
    readonly formulaOnCount: (p: { metric: string }) => string;
    readonly usedBy: (p: { metric: string; rates: string }) => string;
    readonly sameFormula: (p: { metric: string; formula: string }) => string;
  };
  readonly metricForm: {
    readonly title: string;
    readonly name: string;
    readonly nameHint: string;
    readonly otherName: string;
    readonly kind: string;
    readonly kinds: Readonly<Record<'flow' | 'snapshot' | 'rate', string>>;
    readonly unit: string;
    readonly numerator: string;
    readonly denominator: string;
    readonly denominatorAt: string;
    readonly atStart: string;
    readonly atEnd: string;
    readonly aliases: string;
    readonly aliasesHint: string;
    readonly lower: string;
    readonly needFormula: string;
    readonly formulaOnlyForRates: string;
  };
  /** `/kpi help rates`: every rate and its formula. */
  readonly helpRates: {
    readonly title: string;
    readonly intro: string;
    readonly funnel: (p: { funnel: string }) => string;
    readonly roles: string;
  };
}
