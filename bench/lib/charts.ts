/** The chart part of `npm run bench`: what charts add to the weekly review's morning at 1,000 people (bench/workers/charts.ts). */
import { runWorker } from './child.js';
import { mib, ms, num, ratio, table, verdict } from './format.js';

/** Builds of the weekly morning at 1,000 people without and with charts (bench/workers/charts.ts). */
export interface ChartFigures {
  readonly compare: { cold: { baselineMs: number; chartsMs: number }; baselineMs: number; chartsMs: number; teamCharts: number; nativeCharts: number; blocks: number; peakRssBytes: number };
  readonly baselineRss: number;
  /** The morning's charts drawn as PNGs, and a month chart per person as App Home draws it, one at a time and two at a time. */
  readonly png: readonly {
    inFlight: number;
    peopleModelsMs: number;
    teamCharts: number;
    personCharts: number;
    distinctCharts: number;
    teamPngMs: number;
    personPngMs: number;
    teamPngBytes: number;
    personPngBytes: number;
    peakRssBytes: number;
  }[];
}

/** Runs the chart worker on a seeded database: the comparison, the baseline's RSS, and the PNGs one and two at a time. */
export async function benchCharts(db: string, repeats: number, say: (line: string) => void): Promise<ChartFigures> {
  const compare = await runWorker<ChartFigures['compare']>('charts', ['compare', String(repeats), db]);
  say(`  the morning ${ms(compare.baselineMs)} ms, with the weekly reviews' ${compare.teamCharts} charts (${compare.nativeCharts} as native blocks) ${ms(compare.chartsMs)} ms`);
  const baseline = await runWorker<{ baselineMs: number }>('charts', ['baseline', String(repeats), db]);
  const png: ChartFigures['png'][number][] = [];
  for (const inFlight of [1, 2]) {
    const run = await runWorker<ChartFigures['png'][number]>('charts', ['png', String(inFlight), db]);
    png.push(run);
    say(`  PNGs ${inFlight} at a time: ${run.teamCharts} weekly review charts ${ms(run.teamPngMs)} ms, ${run.personCharts} App Home month charts ${ms(run.personPngMs)} ms`);
  }
  return { compare, baselineRss: baseline.peakRssBytes, png };
}

/** The charts section of RESULTS.md and its verdicts. */
export function chartsReport(c: ChartFigures, repeats: number, out: string[], verdicts: string[]): void {
  const added = c.compare.chartsMs - c.compare.baselineMs;
  const serial = c.png.find((p) => p.inFlight === 1)!;
  out.push('## Charts for a 1,000-person weekly morning', '');
  out.push(
    `The morning of the digest bench (every daily digest with its morning DMs, then every weekly review; year-1000) without charts (each weekly review rendered bare), taking turns in one process with the same morning as the scheduler builds it: each weekly review with the team’s 8-week trend and its funnel (${num(c.compare.teamCharts)} charts, ${num(c.compare.nativeCharts)} of them with a native form), each placed as Slack’s native chart block. Median of ${repeats}. Then those charts drawn as PNGs (vega → SVG → resvg, 2× size), as where a workspace refuses the native block, and a month chart per person as App Home draws it (always a PNG), one at a time and two at a time.`,
    '',
  );
  out.push(
    table(
      ['build', 'ms', 'against the morning without charts', 'peak RSS'],
      [
        ['the morning without charts (baseline)', ms(c.compare.baselineMs), '1.00×', mib(c.baselineRss)],
        [`with the weekly reviews’ ${num(c.compare.teamCharts)} charts as native blocks`, ms(c.compare.chartsMs), `${ratio(c.compare.chartsMs / c.compare.baselineMs)} (+${ms(added)} ms)`, mib(c.compare.peakRssBytes)],
        ...c.png.map((p) => [
          `their PNGs, ${p.inFlight} at a time`,
          ms(p.teamPngMs),
          `+${ms(added + p.teamPngMs)} ms with the charts’ models: ${num(p.teamCharts)} PNGs, ${ms(p.teamPngMs / p.teamCharts)} ms each`,
          mib(p.peakRssBytes),
        ]),
        ...c.png.map((p) => [
          `App Home: ${num(p.personCharts)} people’s month charts as PNGs, ${p.inFlight} at a time`,
          ms(p.peopleModelsMs + p.personPngMs),
          `not part of the morning (drawn when a Home opens with new numbers): ${ms(p.personPngMs / p.personCharts)} ms each`,
          mib(p.peakRssBytes),
        ]),
      ],
    ),
    '',
  );
  out.push(
    `${num(serial.distinctCharts)} of the ${num(serial.teamCharts + serial.personCharts)} charts are distinct, so uploading each identical chart once saves ${num(serial.teamCharts + serial.personCharts - serial.distinctCharts)}; the weekly reviews’ PNGs weigh ${mib(serial.teamPngBytes)}, the people’s ${mib(serial.personPngBytes)}.`,
    '',
  );
  verdicts.push(
    `- ${verdict(added < 1000)} every chart of the weekly morning (as Slack’s native block, rendered by Slack) adds under 1 s to the digest build: +${ms(added)} ms`,
    `- ${verdict(added + serial.teamPngMs < 1000)} every chart of the weekly morning as a PNG adds under 1 s: +${ms(added + serial.teamPngMs)} ms`,
  );
}
