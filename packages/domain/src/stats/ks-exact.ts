// Exact two-sided two-sample KS p-value P(D_{n1,n2} ≥ h/lcm), as scipy's ks_2samp(method='exact').

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * P(D ≥ h/lcm(n1, n2)) under the null, for integer h ≥ 1.
 * Equal sizes use scipy's closed form (_compute_prob_outside_square); otherwise the
 * lattice paths from (0,0) to (n1,n2) are walked as urn draws and the probability mass
 * that first touches |i·n2 − j·n1| ≥ h·g is summed directly, so a tiny p-value is not
 * the difference of two numbers near 1.
 */
export function ksExactPValue(n1: number, n2: number, h: number): number {
  if (n1 === n2) return probOutsideSquare(n1, h);
  const g = gcd(n1, n2);
  const bound = h * g;
  // Column i of the lattice: j stays inside while |i·n2 − j·n1| < bound.
  const jLow = (i: number): number => Math.max(0, Math.floor((i * n2 - bound) / n1) + 1);
  const jHigh = (i: number): number => Math.min(n2, Math.ceil((i * n2 + bound) / n1) - 1);
  let col = new Float64Array(n2 + 1);
  let next = new Float64Array(n2 + 1);
  col[0] = 1;
  let outside = 0;
  let lo = jLow(0);
  let hi = jHigh(0);
  for (let i = 0; i <= n1; i++) {
    const r1 = n1 - i;
    const nextLo = i < n1 ? jLow(i + 1) : 0;
    const nextHi = i < n1 ? jHigh(i + 1) : -1;
    for (let j = lo; j <= hi; j++) {
      const mass = col[j] as number;
      if (mass === 0) continue;
      const r2 = n2 - j;
      const total = r1 + r2;
      if (r2 > 0) {
        const up = (mass * r2) / total;
        if (j + 1 <= hi) col[j + 1] = (col[j + 1] as number) + up;
        else outside += up;
      }
      if (r1 > 0) {
        const right = (mass * r1) / total;
        if (j >= nextLo && j <= nextHi) next[j] = (next[j] as number) + right;
        else outside += right;
      }
    }
    col.fill(0, lo, hi + 1);
    [col, next] = [next, col];
    lo = nextLo;
    hi = nextHi;
  }
  return outside;
}

// 2·Σ_k (−1)^k C(2n, n−kh)/C(2n, n), each ratio a product of h factors, nested
// Horner-style to avoid the alternating sum's cancellation (scipy's formulation).
function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}
