/**
 * Durable write throughput on one disk: raw node-sqlite3 inserts, one transaction (one fsync) per
 * entry, against the store's `activity.log` with 1, 16 and 64 commands in flight at once (the
 * write queue groups concurrent ones into shared transactions). Both in WAL with synchronous=FULL.
 * `durable.ts <folder> <seconds per run>`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { removeDatabase, report } from '../lib/child.js';
import type { Day } from '../../src/domain/days.js';
import { Store } from '../../src/store/index.js';

const [dir, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 5);
mkdirSync(dir!, { recursive: true });

function fresh(name: string): string {
  const path = join(dir!, name);
  removeDatabase(path);
  return path;
}

/** The fsync-bound limit: one INSERT per transaction, one after another, through the same driver. */
async function raw(): Promise<{ entries: number; seconds: number }> {
  const db = new sqlite3.Database(fresh('raw.sqlite'));
  const exec = (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
  await exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
  // The bench compares against the driver itself, so this one table is written here, not in src/store.
  await exec(`CREATE TABLE entries (id INTEGER PRIMARY KEY, team_id TEXT NOT NULL, user_id TEXT NOT NULL, metric TEXT NOT NULL,
    value INTEGER NOT NULL, day TEXT NOT NULL, note TEXT, logged_at TEXT NOT NULL) STRICT`);
  const insert = db.prepare('INSERT INTO entries (team_id, user_id, metric, value, day, note, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  const until = started + seconds * 1000;
  let entries = 0;
  while (performance.now() < until) {
    await new Promise<void>((resolve, reject) =>
      insert.run(['T1', `U${entries % 1000}`, 'calls', 1, '2026-11-20', null, new Date().toISOString()], (err: Error | null) => (err ? reject(err) : resolve())),
    );
    entries += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  await new Promise<void>((resolve) => insert.finalize(() => resolve()));
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return { entries, seconds: elapsed };
}

/** `concurrency` people logging one number at a time, each waiting for the confirmation before the next. */
async function store(concurrency: number): Promise<{ entries: number; seconds: number }> {
  const s = await Store.open(fresh(`store-${concurrency}.sqlite`));
  const started = performance.now();
  const until = started + seconds * 1000;
  let entries = 0;
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        n += 1;
        await s.activity.log({
          teamId: 'T1',
          userId: `U${(worker * 997 + n) % 1000}`,
          requestKey: `bench-${n}`,
          source: 'slash',
          text: 'log calls 1',
          day: '2026-11-20' as Day,
          loggedAt: new Date(),
          pairs: [{ metric: 'calls', value: 1 }],
          note: null,
        });
        entries += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await s.close();
  return { entries, seconds: elapsed };
}

const rawRun = await raw();
const runs: Record<string, { entries: number; seconds: number }> = {};
for (const c of [1, 16, 64]) runs[String(c)] = await store(c);
report({ raw: rawRun, store: runs });
