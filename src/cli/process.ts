import { fileURLToPath } from 'node:url';
import { runCli } from './index.js';
import { withDotEnv } from '../config.js';

/** The `.env` beside package.json (two levels above this file, in src/ or dist/). */
const DOT_ENV = fileURLToPath(new URL('../../.env', import.meta.url));

/** The `kpi-bot` process: environment and `.env`, signals, exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // Output piped into `head` or a pager that closes early: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const stopSignal = new Promise<string>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve(signal));
  });
  try {
    process.exitCode = await runCli(argv, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      env: withDotEnv(process.env, DOT_ENV),
      stopSignal,
    });
  } catch (error) {
    process.stderr.write(`kpi-bot: ${(error as Error).message}\n`);
    if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 1;
  }
  // Open handles (sockets, timers) must not keep a finished command alive.
  if (argv[0] !== 'start' || process.exitCode !== 0) setTimeout(() => process.exit(), 100).unref();
}
