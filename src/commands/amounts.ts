/**
 * Typed amounts: "45", "45件", "1,234", "1.5k", "3万", "1億2000万", "5千", "¥30,000", "30000円", "20%".
 * Input is expected NFKC-normalised already (full-width digits folded).
 */

export interface Amount {
  readonly value: number;
  readonly percent: boolean;
}

const COUNTERS = /(?:件|回|本|社|円|通|人|個|名)$/u;
const NUM = String.raw`\d+(?:\.\d+)?`;
const JA_COMPOUND = new RegExp(String.raw`^(?:(${NUM})億)?(?:(${NUM})万)?(?:(${NUM})千)?(${NUM})?$`, 'u');
const K_SUFFIX = new RegExp(String.raw`^(${NUM})k$`, 'iu');
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;

/** Exact decimal × multiplier: "1.1" × 1000 is 1100, not 1100.0000000000002. */
function scaled(decimal: string, multiplier: number): number {
  const [whole, frac = ''] = decimal.split('.');
  const digits = Number(`${whole}${frac}`);
  return (digits * multiplier) / 10 ** frac.length;
}

/** Thousands separators only where they group by three: "1,234" yes, "12,34" no. */
function dropSeparators(text: string): string | null {
  return text.replace(/\d[\d,]*(?:\.\d+)?/gu, (run) => {
    if (!run.includes(',')) return run;
    return GROUPED.test(run) ? run.replace(/,/gu, '') : '\u0000';
  });
}

/** The amount a token spells, or null when it is not a number. Never throws. */
export function parseAmount(token: string): Amount | null {
  let text = token.trim();
  if (!text || text.length > 40) return null;
  text = text.replace(/^[¥$]/u, '');
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1);
  } else {
    text = text.replace(COUNTERS, '');
  }
  const plain = dropSeparators(text);
  if (!plain || plain.includes('\u0000') || !/^\d/u.test(plain)) return null;

  const k = K_SUFFIX.exec(plain);
  if (k) return { value: scaled(k[1]!, 1000), percent };

  const m = JA_COMPOUND.exec(plain);
  if (!m || (!m[1] && !m[2] && !m[3] && !m[4])) return null;
  const value =
    (m[1] ? scaled(m[1], 100_000_000) : 0) +
    (m[2] ? scaled(m[2], 10_000) : 0) +
    (m[3] ? scaled(m[3], 1_000) : 0) +
    (m[4] ? scaled(m[4], 1) : 0);
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) return null;
  return { value, percent };
}

/** Whether a token is a negative number ("-5", "−3件"), to say so instead of "not a number". */
export function isNegativeAmount(token: string): boolean {
  return /^[-−‐]/u.test(token) && parseAmount(token.slice(1)) !== null;
}
