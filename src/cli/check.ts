import { existsSync } from 'node:fs';
import { storeFailureLine } from './store-failures.js';
import { isPostgresUrl, SCHEMA_VERSION, Store } from '../store/index.js';

export interface CheckIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * `kpi-bot check`, without migrating or writing anything of ours: on SQLite its `quick_check` of the
 * file; on PostgreSQL, whose server checks its own pages (checksums, WAL), whether the database
 * answers and is the bot's own. Both say the schema version. Exit 0 when the database is sound, 1
 * when it is damaged, missing, unreachable, or not a KPI database.
 */
export async function runCheck(dbPath: string, io: CheckIo): Promise<number> {
  const postgres = isPostgresUrl(dbPath);
  if (!postgres && !existsSync(dbPath)) {
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
    // PostgreSQL's store has no quick_check of its own to run: its list is always empty.
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
    const sound = postgres ? `Database ${store.path} (PostgreSQL) answers` : `Database ${dbPath}: quick_check found no problem`;
    io.stdout(`${sound}; schema version ${version} of ${SCHEMA_VERSION}${pending}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
