/**
 * One `kpi-bot import` of a CSV into a database that holds the workspace already, in its own
 * process, so its peak RSS is the import's: `import.ts <database> <csv>`. Reports the wall time,
 * the exit code and the rows in the database after.
 */
import { report } from '../lib/child.js';
import { runCli } from '../../src/cli/index.js';
import { Store } from '../../src/store/index.js';

const [database, csv] = process.argv.slice(2) as [string, string];
let stderr = '';
const started = performance.now();
const code = await runCli(['import', csv, '--workspace', 'T0001'], {
  stdout: () => undefined,
  stderr: (text) => (stderr += text),
  env: { KPI_DB_PATH: database, LOG_LEVEL: 'error' },
});
const seconds = (performance.now() - started) / 1000;
const store = await Store.open(database);
const entries = (await store.write((tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM entries')))!.n;
await store.close();
report({ code, seconds, entries, stderr: stderr.trim() });
