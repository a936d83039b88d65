/**
 * The characters the vendored chart font must draw, defined from standards so the subset can be
 * made again exactly: every character of Windows-31J (Shift_JIS as Windows and most Japanese
 * software write it: JIS X 0208 levels 1 and 2 with its symbols, kana, Greek and Cyrillic, and the
 * NEC and IBM extensions such as 髙 and 﨑 that names use) except its private-use area, plus printable
 * ASCII, Latin-1 and the few symbols the bot prints that Windows-31J maps elsewhere or lacks
 * (〜 as JIS writes it, – — … • → − ≤ ≥ ✓).
 */

/** The sha256 of `assets/fonts/NotoSansJP-Regular-chart.ttf` as `scripts/chart-font.ts` makes it. */
export const CHART_FONT_SHA256 = '7207311e40cd59bcfb9297d0a3373703fbb268bc41a9bbf6e27a894bd4bacb6c';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The code points Windows-31J decodes to, outside the private-use area. */
function windows31j(): number[] {
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const out = new Set<number>();
  const add = (bytes: number[]) => {
    let text: string;
    try {
      text = decoder.decode(new Uint8Array(bytes));
    } catch {
      return; // an unassigned code
    }
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0xe000 && cp <= 0xf8ff) continue;
      out.add(cp);
    }
  };
  for (let b = 0x20; b <= 0xdf; b += 1) if (b < 0x7f || b >= 0xa1) add([b]);
  for (const lead of [...range(0x81, 0x9f), ...range(0xe0, 0xfc)]) {
    for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfc)]) add([lead, trail]);
  }
  return [...out];
}

/** Symbols the bot's messages and charts use beyond Windows-31J. */
const EXTRA_SYMBOLS = '〜‖–—…•→←↑↓−≤≥✓€';

/** Windows-31J characters that Noto Sans JP (Google Fonts' build) has no glyph for. */
const NOT_IN_SOURCE = '≒';

/** The code points, sorted, that the chart font covers. */
export function chartFontCodePoints(): number[] {
  const all = new Set<number>([...range(0x20, 0x7e), ...range(0xa0, 0xff), ...windows31j(), ...[...EXTRA_SYMBOLS].map((c) => c.codePointAt(0)!)]);
  for (const ch of NOT_IN_SOURCE) all.delete(ch.codePointAt(0)!);
  return [...all].sort((a, b) => a - b);
}

/** The same, as one string. */
export function chartFontText(): string {
  return String.fromCodePoint(...chartFontCodePoints());
}
