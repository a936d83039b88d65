import { existsSync } from 'node:fs';
import { args, CommandFailure, UsageError, type CliIo } from './common.js';
import { storeFailureLine } from './store-failures.js';
import { loadConfig } from '../config.js';
import { redactLocation } from '../store/index.js';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * `kpi-bot migrate-to-postgres [--replace]`: moves the SQLite file of KPI_DB_PATH into the
 * PostgreSQL database of DATABASE_URL, every table in one transaction, each count checked. A database
 * that already holds data is refused unless `--replace`, which empties it in the same transaction.
 */
export async function commandMigrateToPostgres(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = args(argv, { replace: { type: 'boolean' } } as const);
  if (positionals.length > 0) throw new UsageError(`migrate-to-postgres takes no arguments besides --replace (got “${positionals[0]}”)`);
  const config = loadConfig(io.env, { needsSlack: false });
  if (!config.databaseUrl) {
    throw new UsageError('migrate-to-postgres needs DATABASE_URL: the PostgreSQL database to write, such as postgres://kpi:password@db.example.com:5432/kpi');
  }
  const from = `KPI_DB_PATH=${config.dbPath}`;
  const to = `DATABASE_URL=${redactLocation(config.databaseUrl)}`;
  if (!existsSync(config.dbPath)) throw new CommandFailure(`there is no database at ${from} to move.`);
  const { copySqliteToPostgres, TargetNotEmptyError, CountMismatchError } = await import('../store/copy-to-postgres.js');
  io.stdout(`Moving ${from} to ${to}, table by table in one transaction:\n`);
  let copied;
  try {
    copied = await copySqliteToPostgres(config.dbPath, config.databaseUrl, {
      replace: values.replace === true,
      onTable: (t) => io.stdout(`  ${t.table.padEnd(16)}${count(t.rows).padStart(12)} row${t.rows === 1 ? '' : 's'}\n`),
    });
  } catch (error) {
    if (error instanceof TargetNotEmptyError) {
      const held = error.tables.map((t) => `${t.table} ${count(t.rows)}`).join(', ');
      throw new CommandFailure(`the database at ${to} already holds data (${held}): nothing was copied. Point DATABASE_URL at an empty database, or add --replace to empty it first.`);
    }
    if (error instanceof CountMismatchError) throw new CommandFailure(`the counts did not match (${error.message}): nothing was copied, the transaction was rolled back.`);
    const line = storeFailureLine(error, config.databaseUrl) ?? storeFailureLine(error, config.dbPath);
    throw line === null ? error : new CommandFailure(`${line} Nothing was copied.`);
  }
  const rows = copied.reduce((sum, t) => sum + t.rows, 0);
  io.stdout(
    `Committed: ${count(rows)} rows in ${copied.length} tables, each table's count equal to the file's. ` +
      `Start the bot with DATABASE_URL set; keep ${config.dbPath} as a backup (the bot no longer writes to it).\n`,
  );
  return 0;
}
