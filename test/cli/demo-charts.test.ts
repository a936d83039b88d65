import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { decodePng, inkPixels } from '../harness/png.js';
import { runCli, type CliIo } from '../../src/cli/index.js';

describe('kpi-bot demo --charts', () => {
  it('writes the weekly review’s, the 1on1 prep’s and App Home’s charts as readable PNGs, in each language', async () => {
    const dir = tempDir();
    try {
      for (const lang of ['en', 'ja']) {
        let stdout = '';
        const io: CliIo = { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, clock: () => new Date('2026-11-24T00:05:00Z') };
        expect(await runCli(['demo', '--lang', lang, '--charts', dir.path], io)).toBe(0);
        expect(stdout).toContain(join(dir.path, `weekly-trend-${lang}.png`));
      }
      const files = readdirSync(dir.path).sort();
      for (const lang of ['en', 'ja']) {
        for (const name of ['weekly-trend', 'weekly-funnel', 'oneonone-period', 'oneonone-stages', 'home-month', 'home-team-month']) expect(files).toContain(`${name}-${lang}.png`);
      }
      for (const file of files) {
        const img = decodePng(readFileSync(join(dir.path, file)));
        expect(img.width, file).toBeGreaterThan(1000);
        expect(inkPixels(img) / (img.width * img.height), file).toBeGreaterThan(0.02);
      }
    } finally {
      dir.remove();
    }
  });

  it('takes no stray arguments', async () => {
    let stderr = '';
    const io: CliIo = { stdout: () => undefined, stderr: (t) => (stderr += t), env: {} };
    expect(await runCli(['demo', 'charts'], io)).not.toBe(0);
    expect(stderr).toContain('besides --lang, --at and --charts');
  });
});
