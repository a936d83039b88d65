import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** What each part of src/ may import from the others (DESIGN.md, Layers). */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  i18n: ['domain'],
  store: ['domain'],
  reports: ['domain', 'i18n', 'store'],
  scheduler: ['reports', 'store', 'domain', 'i18n', 'clock'],
  commands: ['scheduler', 'reports', 'store', 'domain', 'i18n', 'clock'],
  slack: ['commands', 'scheduler', 'reports', 'store', 'domain', 'i18n', 'clock', 'config', 'log'],
  cli: ['slack', 'commands', 'scheduler', 'reports', 'store', 'domain', 'i18n', 'clock', 'config', 'log', 'main'],
  main: ['slack', 'scheduler', 'commands', 'reports', 'store', 'domain', 'i18n', 'clock', 'config', 'log'],
  config: ['domain'],
  log: ['config'],
  clock: [],
};

/** Packages that belong to one layer only. */
const PACKAGE_HOME: Record<string, readonly string[]> = {
  sqlite3: ['store'],
  pg: ['store'],
  '@slack/bolt': ['slack'],
  '@slack/web-api': ['slack'],
  'node-cron': ['scheduler', 'main'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `src/store/people.ts` → `store`, `src/main.ts` → `main`. */
function layerOf(path: string): string {
  const [first] = relative(SRC, path).split(/[\\/]/u);
  return first!.replace(/\.[jt]s$/u, '');
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gmu)].map((m) => m[1]!);
}

describe('the layering of DESIGN.md', () => {
  const sources = files(SRC);

  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources.map((p) => [relative(SRC, p), p]))('%s imports only from the layers below it', (_name, path) => {
    const layer = layerOf(path);
    const allowed = ALLOWED[layer];
    expect(allowed, `no rule for layer ${layer}`).toBeDefined();
    for (const spec of imports(path)) {
      if (spec.startsWith('.')) {
        const target = layerOf(resolve(dirname(path), spec));
        if (target !== layer) expect(allowed, `${relative(SRC, path)} imports ${spec}`).toContain(target);
      } else {
        const home = Object.entries(PACKAGE_HOME).find(([pkg]) => spec === pkg || spec.startsWith(`${pkg}/`));
        if (home) expect(home[1], `${relative(SRC, path)} imports ${spec}`).toContain(layer);
        if (layer === 'domain') expect(spec.startsWith('node:'), `domain/ does no I/O: ${spec}`).toBe(false);
      }
    }
  });

  it('loads the SQLite driver in one file, so a maintained driver replaces it there alone (README, Dependencies)', () => {
    const users = sources.filter((path) => imports(path).some((spec) => spec === 'sqlite3' || spec.startsWith('sqlite3/'))).map((p) => relative(SRC, p));
    expect(users).toEqual([join('store', 'connection.ts')]);
    const drivers = sources.filter((path) => imports(path).includes('./connection.js')).map((p) => relative(SRC, p));
    expect(drivers).toEqual([join('store', 'sqlite-backend.ts')]);
  });

  it('writes SQL only in the store', () => {
    for (const path of sources) {
      if (layerOf(path) === 'store') continue;
      const text = readFileSync(path, 'utf8');
      expect(/\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b/u.test(text), relative(SRC, path)).toBe(false);
    }
  });
});
