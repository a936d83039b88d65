import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { args, CommandFailure, dayOption, pickWorkspace, UsageError, withStore, type CliIo } from './common.js';
import { ENCODING_NAMES } from './csv-text.js';
import { checkHistoryCsv, CsvChanged, historyRows } from './history-csv.js';
import { storeFailureLine } from './store-failures.js';
import { systemClock } from '../clock.js';
import { loadConfig, storeLocation } from '../config.js';
import { csvHeaderLine, csvLine } from '../reports/csv.js';
import { foldName, isDamage, Rejected, type AlreadyImported } from '../store/index.js';

/** `kpi-bot export`: history as CSV on stdout, streamed; a read that fails part way says the output is incomplete. */
export async function commandExport(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = args(argv, {
    user: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    workspace: { type: 'string' },
  } as const);
  if (positionals.length > 0) throw new UsageError(`export takes no arguments besides options (got “${positionals[0]}”)`);
  const from = dayOption(values.from, 'from');
  const to = dayOption(values.to, 'to');
  const config = loadConfig(io.env, { needsSlack: false });
  await withStore(config, async (store) => {
    const teamId = await pickWorkspace(store, values.workspace);
    io.stdout(csvHeaderLine());
    try {
      await store.history.export({ teamId, userId: values.user, from, to }, (row) => io.stdout(csvLine(row)));
    } catch (error) {
      if (!isDamage(error)) throw error;
      throw new CommandFailure(`the export stopped part way, so what was printed is incomplete: ${storeFailureLine(error, storeLocation(config))}`);
    }
  });
  return 0;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * `kpi-bot import FILE.csv`: every row or none. The file is read twice, never held whole: first to
 * check every row and take its digest (a bad row, a file imported before, an unknown workspace are
 * refused before anything is written), then row by row into one transaction.
 */
export async function commandImport(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = args(argv, { workspace: { type: 'string' }, create: { type: 'boolean' } } as const);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('import takes one file: kpi-bot import FILE.csv [--workspace T…] [--create]');
  const path = resolve(file);
  if (!existsSync(path)) {
    io.stderr(`Cannot read ${file}: there is no such file.\n`);
    return 1;
  }
  const now = (io.clock ?? systemClock)();
  const config = loadConfig(io.env, { needsSlack: false });
  return withStore(config, async (store) => {
    const teamId = await pickWorkspace(store, values.workspace, { create: values.create === true, canCreate: true });
    // Metric names are read with the workspace's own definitions (a new workspace has the built-in ones).
    const reading = {
      catalog: await store.metrics.catalog(teamId),
      clients: new Map((await store.engagements.inWorkspace(teamId)).map((t) => [foldName(t.engagement!.client), t.id] as const)),
    };
    const checked = await checkHistoryCsv(path, now, reading).catch((error: unknown) => {
      throw new CommandFailure(`cannot read ${file}: ${(error as Error).message}`);
    });
    if (!checked.ok) {
      io.stderr(`${file}${checked.line > 0 ? `, line ${checked.line}` : ''}: ${checked.reason}. Nothing was imported.\n`);
      return 1;
    }
    const earlier = await store.history.importedBefore(teamId, checked.contentHash);
    if (earlier) return alreadyImported(io, file, teamId, earlier);
    let stored: number;
    try {
      ({ rows: stored } = await store.history.import(teamId, basename(file), historyRows(path, checked, now, reading), now, { contentHash: checked.contentHash }));
    } catch (error) {
      if (error instanceof Rejected && (error.reason as AlreadyImported).kind === 'alreadyImported') return alreadyImported(io, file, teamId, (error.reason as AlreadyImported).earlier);
      if (error instanceof CsvChanged) {
        io.stderr(`${file} changed while it was being imported (${error.message}). Nothing was imported.\n`);
        return 1;
      }
      throw error;
    }
    const encoding = checked.encoding === 'utf-8' ? '' : ` (read as ${ENCODING_NAMES[checked.encoding]})`;
    io.stdout(`Loaded ${count(stored)} rows from ${file}${encoding} into workspace ${teamId}.\n`);
    return 0;
  });
}

/** The same rows were imported into the workspace before: importing them again would count each twice. */
function alreadyImported(io: CliIo, file: string, teamId: string, earlier: AlreadyImported['earlier']): number {
  io.stderr(
    `${file} holds the same rows as import #${earlier.id} into workspace ${teamId} (${earlier.fileName}, ${count(earlier.rows)} rows, on ${earlier.importedAt.toISOString().slice(0, 10)}). ` +
      'Nothing was imported: loading it again would count every row twice.\n',
  );
  return 1;
}
