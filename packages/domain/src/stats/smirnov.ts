// One-sided Kolmogorov–Smirnov tail P(D⁺_n ≥ x) (scipy.special.smirnov), used by the two-sided kstwo.

const MIN_LOG = -7.451332191019412076235e2;
const LN2 = Math.LN2;
const EPSILON = Number.EPSILON;
/** Above this n scipy switches to an asymptotic formula instead of summing n terms. */
const MAX_COMPUTE_N = 1_000_000;
const SPLITTER = 134217729; // 2^27 + 1, for Dekker's exact product
const RESCALE_BITS = 600;
const RESCALE = 2 ** RESCALE_BITS;

/** floor(n·x) and the fractional remainder, computed exactly (the product is split like scipy's double-double). */
function floorAndRemainder(n: number, x: number): { floor: number; alpha: number } {
  const hi = n * x;
  const a = SPLITTER * n;
  const nh = a - (a - n);
  const nl = n - nh;
  const b = SPLITTER * x;
  const xh = b - (b - x);
  const xl = x - xh;
  const lo = nh * xh - hi + nh * xl + nl * xh + nl * xl;
  let floor = Math.floor(hi);
  let alpha = hi - floor + lo;
  if (alpha < 0) {
    floor -= 1;
    alpha += 1;
  } else if (alpha >= 1) {
    floor += 1;
    alpha -= 1;
  }
  return { floor, alpha };
}

/**
 * Survival function of the one-sided KS statistic, by the Birnbaum–Tingey sum
 *   x · Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v).
 * Each term is formed in log space (scipy uses double-double); the error is about
 * n·1e-16 relative, well inside the 1e-9 the p-values are held to.
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { floor: nxfl, alpha } = floorAndRemainder(n, x);
  let lastV = n - nxfl - (alpha === 0 ? 0 : 1);
  if (alpha === 0) lastV -= 1;
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    const cdf = x * Math.exp((n - 1) * Math.log1p(x));
    return clip(1 - cdf);
  }
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (nxfl >= n - 1) return clip(Math.exp(n * Math.log1p(-x)));
  if (n > MAX_COMPUTE_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return clip(logp < -LN2 ? Math.exp(logp) : 1 + Math.expm1(logp));
  }
  // scipy would sum the few upper terms instead when x ≤ 0.5/√n; kstwo never asks for such x.
  const nTerms = lastV + 1;
  const vmid = Math.floor(n / 2);
  let sum = Math.exp(n * Math.log1p(-x)) / x;
  // C(n, v) = binomMan · 2^binomExp: updated by exact ratios and rescaled by exact powers
  // of two, so its error grows like v·eps instead of with the size of ln C(n, v).
  let binomMan = n;
  let binomExp = 0;
  for (let v = 1; v < nTerms; v++) {
    // x + v/n from the exact split n·x = nxfl + alpha; log1p keeps ln(1 − x − v/n) accurate.
    const up = (nxfl + v + alpha) / n;
    const logTerm =
      Math.log(binomMan) + binomExp * LN2 + (v - 1) * Math.log(up) + (n - v) * Math.log1p(-up);
    const term = Math.exp(logTerm);
    sum += term;
    if (term !== 0) {
      if (4 * (nTerms - v) * term < EPSILON * sum && v !== nTerms - 1) break;
    } else if (v > vmid) {
      break;
    }
    binomMan = (binomMan * (n - v)) / (v + 1);
    if (binomMan > RESCALE) {
      binomMan /= RESCALE;
      binomExp += RESCALE_BITS;
    } else if (binomMan < 1 / RESCALE) {
      binomMan *= RESCALE;
      binomExp -= RESCALE_BITS;
    }
  }
  return clip(x * sum);
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
