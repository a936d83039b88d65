/**
 * Guards against binary floating error before a whole number is taken: 145 ÷ 0.29 is
 * 500.00000000000006 in doubles, and a plan must say 500 calls, not 501.
 */

/**
 * How close to a whole number a value must be to count as it: within 1e-9 (about nine
 * significant digits for everyday counts), widening to 12 significant digits for large ones.
 * That is far beyond a few divisions' error, yet below any true fraction of a plan's counts
 * (a rate in whole percent leaves fractions of at least 0.01; a share over workdays, 1/366).
 */
const toleranceAt = (value: number): number => Math.max(1e-9, Math.abs(value) * 1e-12);

/**
 * The whole number a value is within floating error of, or the value itself.
 * `snapToWhole(500.00000000000006)` → `500`; `snapToWhole(66.67)` → `66.67`.
 */
export function snapToWhole(value: number): number {
  const whole = Math.round(value);
  return Math.abs(value - whole) <= toleranceAt(value) ? whole : value;
}

/**
 * The whole count that covers a value: `ceilCount(66.67)` → `67`, `ceilCount(145 / 0.29)` → `500`.
 * Rounding up is a caller's choice (a plan of calls a day), so domain results stay exact.
 */
export function ceilCount(value: number): number {
  return Math.ceil(snapToWhole(value));
}
