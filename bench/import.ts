/**
 * `npx tsx bench/import.ts [--rows N]`: how long `kpi-bot import` takes on a large history file
 * and how much memory it needs (peak RSS of the importing process). Not part of `npm run bench`:
 * run it before and after a change to the import and note the figures in bench/RESULTS.md.
 *
 * The file: N rows (1,000,000 by default) of 500 people, five metrics each, on the workdays of the
 * years before 2026-11-01, a note on one row in twenty; written once under bench/.work/.
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { removeDatabase, runWorker, WORK } from './lib/child.js';
import { mib, num } from './lib/format.js';
import { addDays, day, isoWeekday } from '../src/domain/days.js';
import { Store } from '../src/store/index.js';

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const ROWS = Number(values.rows ?? 1_000_000);
const PEOPLE = 500;
const METRICS = ['calls', 'connects', 'emails', 'meetings', 'wins'] as const;

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('date,user_id,metric,value,note\n');
  let written = 0;
  // Back from the last workday before November 2026, one workday at a time, every person and metric.
  for (let d = day('2026-10-30'); written < ROWS; d = addDays(d, -1)) {
    if (isoWeekday(d) > 5) continue;
    for (let p = 0; p < PEOPLE && written < ROWS; p += 1) {
      for (let m = 0; m < METRICS.length && written < ROWS; m += 1) {
        const value = (p * 7 + m * 13 + written) % (m === 0 ? 90 : 12);
        const note = written % 20 === 0 ? `"tried opener ${written % 7}, asked for a referral"` : '';
        await write(`${d},U${String(p).padStart(6, '0')},${METRICS[m]},${value},${note}\n`);
        written += 1;
      }
    }
  }
  out.end();
  await once(out, 'finish');
}

mkdirSync(WORK, { recursive: true });
const csv = join(WORK, `import-${ROWS}.csv`);
if (!existsSync(csv)) {
  process.stdout.write(`Writing ${num(ROWS)} rows to ${csv}…\n`);
  await writeCsv(csv);
}
const database = join(WORK, 'import.sqlite');
removeDatabase(database);
// The workspace exists before the import, as it does for a team moving its spreadsheet in.
const store = await Store.open(database);
await store.activity.log({ teamId: 'T0001', userId: 'U999999', requestKey: null, source: 'slash', text: 'log calls 1', day: day('2026-11-02'), loggedAt: new Date('2026-11-02T00:00:00Z'), pairs: [{ metric: 'calls', value: 1 }], note: null });
await store.close();

process.stdout.write(`Importing ${num(ROWS)} rows (${mib(statSync(csv).size)})…\n`);
const result = await runWorker<{ code: number; seconds: number; entries: number; stderr: string }>('import', [database, csv]);
process.stdout.write(
  `exit ${result.code}${result.stderr ? ` (${result.stderr})` : ''}: ${result.seconds.toFixed(1)} s, ${num(ROWS / result.seconds)} rows/s, peak RSS ${mib(result.peakRssBytes)}, ${num(result.entries - 1)} entries imported\n`,
);
removeDatabase(database);
