/** Benchmark workers run in their own processes: the load generator never shares their event loop, and each peak RSS is its own. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WORK = fileURLToPath(new URL('../.work/', import.meta.url));

/** The line a worker prints its figures on, as JSON after this prefix. */
const RESULT = 'RESULT ';

/** Prints a worker's figures for the parent (with its own peak RSS), as the last thing it does. */
export function report(result: object): void {
  process.stdout.write(`${RESULT}${JSON.stringify({ ...result, peakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

/** Spawns `bench/workers/<name>.ts` under tsx with `args`, its stderr passed through. */
export function spawnWorker(name: string, args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`../workers/${name}.ts`, import.meta.url)), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Runs a worker to the end and returns the figures it reported; its other output lines go to `onLine`. */
export function runWorker<T>(name: string, args: readonly string[], onLine: (line: string) => void = () => undefined): Promise<T & { peakRssBytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawnWorker(name, args);
    let result: (T & { peakRssBytes: number }) | null = null;
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.startsWith(RESULT)) result = JSON.parse(line.slice(RESULT.length)) as T & { peakRssBytes: number };
        else onLine(line);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`bench worker ${name} ${args.join(' ')} exited with ${code}`))));
  });
}

/** A running process's peak resident set so far (Linux `VmHWM`), in bytes; null where /proc is missing. */
export function peakRss(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Removes a SQLite file with its WAL and shared-memory files (and any other suffixes given). */
export function removeDatabase(path: string, extraSuffixes: readonly string[] = []): void {
  for (const suffix of ['', '-wal', '-shm', ...extraSuffixes]) rmSync(`${path}${suffix}`, { force: true });
}
