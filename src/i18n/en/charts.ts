import type { ChartsCatalog } from '../charts-catalog.js';

export const charts: ChartsCatalog = {
  charts: {
    trendTitle: ({ weeks }) => `Team KPIs, week by week (last ${weeks} weeks)`,
    weekTotal: 'each week',
    funnelTitle: ({ week }) => `The funnel of the week of ${week}`,
    funnelSeries: 'last week',
    periodTitle: ({ from, to }) => `Share of target, ${from} – ${to}`,
    periodSeries: 'this period',
    ownBaseline: 'own 4 weeks before',
    stagesTitle: ({ from, to }) => `Stage rates beside the team median, ${from} – ${to}`,
    repSeries: 'this period',
    teamMedian: 'team median',
    paceTitle: ({ month }) => `${month} so far`,
    teamPaceTitle: ({ team, month }) => `${team}: ${month} so far`,
    soFar: 'so far',
    paceToday: 'pace for today',
    target: 'target',
    shareOfTarget: '% of target',
    withTarget: ({ value, target }) => `${value} (target ${target})`,
    step: ({ name, rate }) => `${name} ${rate}`,
    readOver: ({ metric, group }) => `${metric} (${group})`,
    wholeTeam: 'whole team',
    altLead: ({ title }) => `Chart: ${title}.`,
    none: '–',
  },
};
