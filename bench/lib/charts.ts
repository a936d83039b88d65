/** The chart part of `npm run bench`: what charts add to the weekly review's morning at 1,000 people (bench/workers/charts.ts). */
import { runWorker } from './child.js';
import { mib, ms, num, ratio, table, verdict } from './format.js';

/** Builds of the weekly morning at 1,000 people without and with charts (bench/workers/charts.ts). */
export interface ChartFigures {
  readonly compare: { cold: { baselineMs: number; chartsMs: number }; baselineMs: number; chartsMs: number; teamCharts: number; personCharts: number; blocks: number; peakRssBytes: number };
  readonly baselineRss: number;
  /** The same morning with every chart drawn as a PNG, one at a time and two at a time. */
  readonly png: readonly { inFlight: number; modelsMs: number; teamCharts: number; personCharts: number; distinctCharts: number; teamPngMs: number; personPngMs: number; pngBytes: number; peakRssBytes: number }[];
}

/** Runs the chart worker on a seeded database: the comparison, the baseline's RSS, and the PNGs one and two at a time. */
export async function benchCharts(db: string, repeats: number, say: (line: string) => void): Promise<ChartFigures> {
  const compare = await runWorker<ChartFigures['compare']>('charts', ['compare', String(repeats), db]);
  say(`  the morning ${ms(compare.baselineMs)} ms, with every chart's model and native block ${ms(compare.chartsMs)} ms`);
  const baseline = await runWorker<{ baselineMs: number }>('charts', ['baseline', String(repeats), db]);
  const png: ChartFigures['png'][number][] = [];
  for (const inFlight of [1, 2]) {
    const run = await runWorker<ChartFigures['png'][number]>('charts', ['png', String(inFlight), db]);
    png.push(run);
    say(`  PNGs ${inFlight} at a time: ${run.teamCharts} team charts ${ms(run.teamPngMs)} ms, ${run.personCharts} people's ${ms(run.personPngMs)} ms`);
  }
  return { compare, baselineRss: baseline.peakRssBytes, png };
}

/** The charts section of RESULTS.md and its verdicts. */
export function chartsReport(c: ChartFigures, repeats: number, out: string[], verdicts: string[]): void {
  const added = c.compare.chartsMs - c.compare.baselineMs;
  const serial = c.png.find((p) => p.inFlight === 1)!;
  const charts = c.compare.teamCharts + c.compare.personCharts;
  out.push('## Charts for a 1,000-person weekly morning', '');
  out.push(
    `The morning of the digest bench (every daily digest with its morning DMs, then every weekly review; year-1000), built as \`kpi-bot digest --dry-run\` builds it (the baseline), taking turns in one process with the same morning built with charts: each morning DM with the person’s month against pace (${num(c.compare.personCharts)} charts), each weekly review with the team’s 8-week trend and its funnel (${num(c.compare.teamCharts)}), each as its model, text alternative and Slack’s native chart block. Median of ${repeats}. Then the same morning with every chart also drawn as a PNG (vega → SVG → resvg, 2× size), one at a time, and two at a time.`,
    '',
  );
  out.push(
    table(
      ['build', 'ms', 'against the morning without charts', 'peak RSS'],
      [
        ['the morning without charts (baseline)', ms(c.compare.baselineMs), '1.00×', mib(c.baselineRss)],
        [`with ${num(charts)} charts as native blocks`, ms(c.compare.chartsMs), `${ratio(c.compare.chartsMs / c.compare.baselineMs)} (+${ms(added)} ms)`, mib(c.compare.peakRssBytes)],
        ...c.png.map((p) => [
          `with every chart as a PNG, ${p.inFlight} at a time`,
          ms(p.modelsMs + p.teamPngMs + p.personPngMs),
          `+${ms(p.modelsMs + p.teamPngMs + p.personPngMs - c.compare.baselineMs)} ms: ${num(p.teamCharts)} team PNGs ${ms(p.teamPngMs)} ms (${ms(p.teamPngMs / p.teamCharts)} each), ${num(p.personCharts)} people’s ${ms(p.personPngMs)} ms (${ms(p.personPngMs / p.personCharts)} each)`,
          mib(p.peakRssBytes),
        ]),
      ],
    ),
    '',
  );
  out.push(`${num(serial.distinctCharts)} of the ${num(serial.teamCharts + serial.personCharts)} charts are distinct, so uploading each identical chart once saves ${num(serial.teamCharts + serial.personCharts - serial.distinctCharts)}; the PNGs weigh ${mib(serial.pngBytes)} together.`, '');
  verdicts.push(
    `- ${verdict(added < 1000)} every chart of the weekly morning (as Slack’s native block, rendered by Slack) adds under 1 s to the digest build: +${ms(added)} ms`,
    `- ${verdict(serial.teamPngMs + serial.personPngMs < 1000)} every chart of the weekly morning as a PNG adds under 1 s: +${ms(serial.modelsMs + serial.teamPngMs + serial.personPngMs - c.compare.baselineMs)} ms (team charts alone ${ms(serial.teamPngMs)} ms)`,
  );
}
