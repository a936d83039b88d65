import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNegativeAmount, parseAmount } from '../../src/commands/amounts.js';

describe('typed amounts', () => {
  it.each([
    ['45', 45],
    ['45件', 45],
    ['3回', 3],
    ['2社', 2],
    ['1,234', 1234],
    ['1,234,567', 1_234_567],
    ['1.5k', 1500],
    ['1.1k', 1100],
    ['2K', 2000],
    ['3万', 30_000],
    ['1.23万', 12_300],
    ['3万5000', 35_000],
    ['5千', 5000],
    ['1億', 100_000_000],
    ['1億2000万', 120_000_000],
    ['¥30,000', 30_000],
    ['30000円', 30_000],
  ])('%s is %d', (text, value) => {
    expect(parseAmount(text)).toEqual({ value, percent: false });
  });

  it('reads a percentage as a percentage', () => {
    expect(parseAmount('20%')).toEqual({ value: 20, percent: true });
  });

  it.each(['', 'abc', '12,34', '1.2.3', '万', 'k', '--', '1e5', '0x10', 'Infinity', '3万万'])('“%s” is not a number', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it('tells a negative number from a word', () => {
    expect(isNegativeAmount('-5')).toBe(true);
    expect(isNegativeAmount('−3件')).toBe(true);
    expect(isNegativeAmount('-abc')).toBe(false);
  });

  it('reads every whole number, plain, grouped and in full-width digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseAmount(String(n))?.value).toBe(n);
        expect(parseAmount(n.toLocaleString('en-US'))?.value).toBe(n);
        const fullWidth = String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
        expect(parseAmount(fullWidth.normalize('NFKC'))?.value).toBe(n);
      }),
    );
  });

  it('multiplies decimals exactly: n.d k is n×1000 + d×100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 9 }), (n, d) => {
        expect(parseAmount(`${n}.${d}k`)?.value).toBe(n * 1000 + d * 100);
        expect(parseAmount(`${n}.${d}万`)?.value).toBe(n * 10_000 + d * 1000);
      }),
    );
  });
});
