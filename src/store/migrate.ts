import type { Tx } from './sql.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** The schema version this bot's migrations bring a database to. */
export const SCHEMA_VERSION = Math.max(0, ...MIGRATIONS.map((m) => m.version));

export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`the database is at schema version ${found}, newer than this bot knows (${known}); run a newer kpi-bot`);
  }
}

/**
 * Applies the migrations the database lacks, each in its own transaction. Safe when two processes
 * start together: the version check runs inside the write lock.
 * Returns the versions applied.
 */
export async function migrate(db: Tx, migrations: readonly Migration[] = MIGRATIONS, now = new Date()): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const applied: number[] = [];
  for (const migration of migrations) {
    await db.exec('BEGIN IMMEDIATE');
    try {
      const current = await db.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      if ((current?.v ?? 0) > known) throw new SchemaTooNewError(current!.v!, known);
      const done = await db.get('SELECT 1 FROM schema_migrations WHERE version = ?', [migration.version]);
      if (!done) {
        await db.exec(migration.sql);
        await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.name,
          now.toISOString(),
        ]);
        applied.push(migration.version);
      }
      await db.exec('COMMIT');
    } catch (error) {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return applied;
}
