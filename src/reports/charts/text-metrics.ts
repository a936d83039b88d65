/**
 * How wide text sets in the vendored font, roughly, for laying out labels: vega measures text to
 * place axes and legends, and without a canvas it would guess.
 */

/** Ems per character class of Noto Sans JP (vega's own guess, 0.8 em for any, is too wide for digits and Latin, too narrow for kana and kanji). */
function emWidth(cp: number): number {
  if (cp >= 0x2e80 || (cp >= 0x2460 && cp <= 0x27bf)) return cp >= 0xff61 && cp <= 0xff9f ? 0.5 : 1;
  if (cp >= 0x30 && cp <= 0x39) return 0.555;
  if (cp === 0x20) return 0.224;
  if (cp >= 0x41 && cp <= 0x5a) return 0.65;
  if (cp >= 0x61 && cp <= 0x7a) return 0.52;
  if (cp === 0x2c || cp === 0x2e || cp === 0x3a || cp === 0x3b || cp === 0x27) return 0.26;
  if (cp === 0x2f || cp === 0x28 || cp === 0x29 || cp === 0x2d) return 0.36;
  return 0.6;
}

/** The width of a text in the vendored font at a size, by `emWidth`. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += emWidth(ch.codePointAt(0)!);
  return ems * fontSize;
}

/**
 * A label broken onto at most two lines to fit a width: at spaces where there are some (English),
 * else before a bracket, anywhere otherwise; what still does not fit ends in `…`. `split` breaks at the first space even
 * when the label fits, so labels of one axis can all take two lines alike.
 */
export function wrapLabel(text: string, width: number, fontSize: number, split = false): string | string[] {
  if (!split && textWidth(text, fontSize) <= width) return text;
  const fit = (s: string) => {
    let out = '';
    for (const ch of s) {
      if (textWidth(`${out}${ch}…`, fontSize) > width) return `${out}…`;
      out += ch;
    }
    return out;
  };
  const words = text.split(' ');
  let first = '';
  if (words.length > 1) {
    for (const w of words) {
      const next = first ? `${first} ${w}` : w;
      if (first && (split || textWidth(next, fontSize) > width)) break;
      first = next;
    }
  } else {
    // A name with whom it was read over (`商談(インサイドセールス)`) breaks before the bracket.
    const bracket = text.search(/[(（]/u);
    first = bracket > 0 && textWidth(text.slice(0, bracket), fontSize) <= width ? text.slice(0, bracket) : fit(text).replace(/…$/u, '');
  }
  const rest = text.slice(first.length).trim();
  return rest ? [fit(first), fit(rest)] : fit(first);
}

