import type { ChartsCatalog } from '../charts-catalog.js';

export const charts: ChartsCatalog = {
  charts: {
    trendTitle: ({ weeks }) => `チームのKPI 週ごとの推移(直近${weeks}週)`,
    weekTotal: '週ごとの実績',
    funnelTitle: ({ week }) => `${week}からの週のファネル`,
    funnelSeries: '先週',
    periodTitle: ({ from, to }) => `目標に対する割合(${from}〜${to})`,
    periodSeries: '今回の期間',
    ownBaseline: '本人の直前4週',
    stagesTitle: ({ from, to }) => `段階ごとの転換率とチームの中央値(${from}〜${to})`,
    repSeries: '今回の期間',
    teamMedian: 'チームの中央値',
    paceTitle: ({ month }) => `${month}のここまで`,
    teamPaceTitle: ({ team, month }) => `${team}: ${month}のここまで`,
    soFar: 'ここまで',
    paceToday: '今日までのペース',
    target: '目標',
    shareOfTarget: '目標比(%)',
    withTarget: ({ value, target }) => `${value}(目標 ${target})`,
    step: ({ name, rate }) => `${name} ${rate}`,
    readOver: ({ metric, group }) => `${metric}(${group})`,
    wholeTeam: 'チーム全体',
    altLead: ({ title }) => `グラフ: ${title}。`,
    none: '–',
  },
};
