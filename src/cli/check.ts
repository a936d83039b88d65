import { existsSync } from 'node:fs';
import { storeFailureLine } from './store-failures.js';
import { isPostgresUrl, SCHEMA_VERSION, Store } from '../store/index.js';

export interface CheckIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * `kpi-bot check`: SQLite's `quick_check` on the database, without migrating or writing anything
 * of ours. Exit 0 when the file is sound, 1 when it is damaged, missing, or not a KPI database.
 */
export async function runCheck(dbPath: string, io: CheckIo): Promise<number> {
  if (isPostgresUrl(dbPath)) return checkPostgres(dbPath, io);
  if (!existsSync(dbPath)) {
    io.stderr(`kpi-bot: there is no database at KPI_DB_PATH=${dbPath}; nothing to check.\n`);
    return 1;
  }
  let store: Store;
  try {
    store = await Store.open(dbPath, { migrate: false });
  } catch (error) {
    const line = storeFailureLine(error, dbPath);
    if (line === null) throw error;
    io.stderr(`kpi-bot: ${line}\n`);
    return 1;
  }
  try {
    const problems = await store.quickCheck();
    if (problems.length > 0) {
      io.stderr(
        `kpi-bot: the database at KPI_DB_PATH=${dbPath} is damaged; quick_check found:\n${problems.map((p) => `  - ${p}\n`).join('')}` +
          'Restore it from a backup: the bot does not start on a damaged file.\n',
      );
      return 1;
    }
    const version = await store.schemaVersion();
    const pending = version < SCHEMA_VERSION ? `; ${SCHEMA_VERSION - version} migration(s) to apply at the next start or with kpi-bot migrate` : '';
    io.stdout(`Database ${dbPath}: quick_check found no problem; schema version ${version} of ${SCHEMA_VERSION}${pending}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * `kpi-bot check` on PostgreSQL: the server checks its own pages (checksums, WAL), so this says
 * whether the database answers, is the bot's own, and at which schema version; it writes nothing.
 */
async function checkPostgres(url: string, io: CheckIo): Promise<number> {
  let store: Store;
  try {
    store = await Store.open(url, { migrate: false });
  } catch (error) {
    const line = storeFailureLine(error, url);
    if (line === null) throw error;
    io.stderr(`kpi-bot: ${line}\n`);
    return 1;
  }
  try {
    const version = await store.schemaVersion();
    const pending = version < SCHEMA_VERSION ? `; ${SCHEMA_VERSION - version} migration(s) to apply at the next start or with kpi-bot migrate` : '';
    io.stdout(`Database ${store.path} (PostgreSQL) answers; schema version ${version} of ${SCHEMA_VERSION}${pending}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
