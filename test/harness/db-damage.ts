/**
 * Damage made the way it looks to SQLite, for the tests of what the bot does on a damaged file:
 * one page of a table overwritten with garbage, read with a connection of the test's own.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import sqlite3 from 'sqlite3';

/** Runs one statement on the file with a connection of the test's own. */
export function rawSql<T>(path: string, sql: string, params: readonly (string | number)[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path);
    db.all(sql, params, (err: Error | null, rows: T[]) => db.close(() => (err ? reject(err) : resolve(rows))));
  });
}

/** Overwrites one page of the file with 0xA5 bytes. */
export function overwritePage(path: string, pageNumber: number, pageSize = 4096): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (pageNumber - 1) * pageSize);
  closeSync(fd);
}

/**
 * Damages one leaf page in the middle of a table: a read of the whole table gets some rows, then
 * SQLite's SQLITE_CORRUPT. Moves the write-ahead log into the file first (the bot may be running).
 * Returns the page damaged.
 */
export async function damageMiddleLeaf(path: string, table: string): Promise<number> {
  await rawSql(path, 'PRAGMA wal_checkpoint(TRUNCATE)');
  const leaves = await rawSql<{ pageno: number }>(path, "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", [table]);
  if (leaves.length < 3) throw new Error(`table ${table} has ${leaves.length} leaf pages; a middle one needs three or more`);
  const page = leaves[Math.floor(leaves.length / 2)]!.pageno;
  overwritePage(path, page);
  return page;
}
