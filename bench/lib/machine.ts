/** The machine a run is measured on, as RESULTS.md reports it. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  readonly date: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly ramGiB: number;
  readonly node: string;
  readonly os: string;
  readonly disk: string;
}

function cpuModel(): string {
  if (existsSync('/proc/cpuinfo')) {
    const model = /^model name\s*:\s*(.+)$/mu.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
    if (model) return model.trim();
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** The device, filesystem type and size holding `dir` (`df -T`), or what is known without it. */
function disk(dir: string): string {
  try {
    const line = execFileSync('df', ['-hT', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
    const [device, type, size, , avail, , mount] = line.split(/\s+/u);
    return `${type} on ${device} (${size}, ${avail} free), mounted at ${mount}`;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(workDir: string): Machine {
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/u, 'Z'),
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: cpuModel(),
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    disk: disk(workDir),
  };
}
