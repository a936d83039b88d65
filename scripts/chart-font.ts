/**
 * Makes the font the chart renderer draws with: a subset of Noto Sans JP Regular (SIL OFL 1.1) that
 * covers `chartFontText()`. Run `npx tsx scripts/chart-font.ts` after changing the character set;
 * it fetches the source font with npm, checks its hash, and writes `assets/fonts/` again. The same
 * inputs give the same bytes (the hash it prints is the one in the README).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { CHART_FONT_SHA256, chartFontText } from './chart-font-charset.js';

/** Google Fonts' static Noto Sans JP Regular (v56), as the Expo Google Fonts package ships it. */
const SOURCE = {
  pkg: '@expo-google-fonts/noto-sans-jp@0.4.3',
  file: 'package/400Regular/NotoSansJP_400Regular.ttf',
  licence: 'package/LICENSE_FONT',
  sha256: 'd930d5d52d15231c283089760f84584272ad5e37e14607ba0d19c798e7a9caec',
};
const OUT_DIR = fileURLToPath(new URL('../assets/fonts/', import.meta.url));
export const CHART_FONT_FILE = 'NotoSansJP-Regular-chart.ttf';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'chart-font-'));
  try {
    execFileSync('npm', ['pack', SOURCE.pkg, '--silent', '--pack-destination', work], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = execFileSync('ls', [work]).toString().trim();
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, SOURCE.file, SOURCE.licence]);
    const source = readFileSync(join(work, SOURCE.file));
    if (sha256(source) !== SOURCE.sha256) throw new Error(`unexpected source font: sha256 ${sha256(source)}`);
    const subset = await subsetFont(source, chartFontText(), {
      targetFormat: 'truetype',
      // Copyright, names, version, licence text and URL stay in the file with the glyphs.
      preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14],
      // resvg draws outlines without hinting instructions.
      noHinting: true,
    });
    writeFileSync(join(OUT_DIR, CHART_FONT_FILE), subset);
    copyFileSync(join(work, SOURCE.licence), join(OUT_DIR, 'OFL.txt'));
    process.stdout.write(`${CHART_FONT_FILE}: ${subset.length} bytes, sha256 ${sha256(subset)}\n`);
    if (sha256(subset) !== CHART_FONT_SHA256) process.stdout.write('The font changed: set CHART_FONT_SHA256 in scripts/chart-font-charset.ts to the hash above.\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
