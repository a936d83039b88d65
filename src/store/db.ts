import type { Queryable } from './sql.js';
import type { WriteJob } from './write-queue.js';

/** The connections a repository works with: reads on the reader, writes through the queue. */
export interface Db {
  readonly read: Queryable;
  write<T>(job: WriteJob<T>): Promise<T>;
}
