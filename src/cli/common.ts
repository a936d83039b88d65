import { parseArgs, type ParseArgsConfig } from 'node:util';
import { storeFailureLine } from './store-failures.js';
import type { Clock } from '../clock.js';
import { storeLocation, type Config } from '../config.js';
import { parseDay, type Day } from '../domain/days.js';
import { Store, type StoreOptions } from '../store/index.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock?: Clock;
  /** Resolves when the process is asked to stop (SIGTERM/SIGINT); `start` waits on it. */
  readonly stopSignal?: Promise<string>;
}

/** A mistake in how the command line was typed: printed as one line with the usage, exit code 2. */
export class UsageError extends Error {}

/** A command that could not do its work (the database is damaged, say): printed as one line, exit code 1. */
export class CommandFailure extends Error {}

export function args<O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const e = error as { code?: string; message: string };
    // Node's own wording ("To specify a positional argument starting with a '-'…") is about parsing, not about us.
    const option = /option '([^']+)'/u.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new UsageError(`unknown option “${option}”`);
    throw new UsageError(e.message);
  }
}

export function dayOption(value: string | undefined, name: string): Day | undefined {
  if (value === undefined) return undefined;
  const d = parseDay(value);
  if (!d) throw new UsageError(`--${name} must be a date in the form YYYY-MM-DD (got “${value}”)`);
  return d;
}

/**
 * The workspace a command works on: the one named, or the only one in the database. A workspace
 * the database does not hold is refused unless `create` (`kpi-bot import --create`): a typo in
 * the ID would otherwise start a second workspace no one uses.
 */
export async function pickWorkspace(store: Store, named: string | undefined, options: { readonly create?: boolean; readonly canCreate?: boolean } = {}): Promise<string> {
  const known = await store.people.workspaces();
  const holds = `it has: ${known.join(', ') || 'none'}`;
  if (named) {
    if (!/^[TE][A-Z0-9]+$/u.test(named)) throw new UsageError(`--workspace must be a Slack workspace ID such as T012AB3CD (got “${named}”)`);
    if (!known.includes(named) && !options.create) {
      throw new UsageError(`workspace ${named} is not in the database (${holds})${options.canCreate ? '; check the ID, or add --create to start a new workspace with this file' : ''}`);
    }
    return named;
  }
  if (known.length === 1) return known[0]!;
  if (known.length === 0) {
    throw new UsageError(options.canCreate ? 'the database has no workspace yet; name the one to load into with --workspace T… --create' : 'the database has no history yet');
  }
  throw new UsageError(`the database holds several workspaces (${known.join(', ')}); choose one with --workspace T…`);
}

/**
 * Runs a command on the store; an error of the database file (damaged, read-only, full) ends the
 * command with one line saying what is wrong and what to do.
 */
export async function withStore<T>(config: Config, run: (store: Store) => Promise<T>, options: StoreOptions = {}): Promise<T> {
  try {
    const store = await Store.open(storeLocation(config), options);
    try {
      return await run(store);
    } finally {
      await store.close().catch(() => undefined);
    }
  } catch (error) {
    const line = storeFailureLine(error, storeLocation(config));
    throw line === null ? error : new CommandFailure(line);
  }
}

