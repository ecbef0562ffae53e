// Gamma-family special functions behind the chi-square and normal tails (Cephes' igam/igamc scheme).

const MACHEP = 1.11022302462515654042e-16;
const MAXLOG = 7.09782712893383996843e2;
const BIG = 4.503599627370496e15;
const BIG_INV = 2.22044604925031308085e-16;
const HALF_LOG_2PI = 0.91893853320467274178;
/** Stirling's series stays within an ulp from here up, so smaller x are shifted up to it. */
const STIRLING_FROM = 15;
// B_{2k} / (2k (2k-1)) for k = 1..7; Stirling terms beyond these are below 1e-17 at x ≥ 15.
const STIRLING = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156,
] as const;

/** ln Γ(x) for x > 0, to about 1e-15 absolute for moderate x. */
export function logGamma(x: number): number {
  if (x < STIRLING_FROM) {
    // Γ(x) = Γ(x + k) / (x (x+1) ... (x+k-1)); keep the product in range by taking logs in chunks.
    let shift = 0;
    let prod = 1;
    let y = x;
    while (y < STIRLING_FROM) {
      prod *= y;
      y += 1;
      if (prod > 1e280) {
        shift += Math.log(prod);
        prod = 1;
      }
    }
    return stirling(y) - shift - Math.log(prod);
  }
  return stirling(x);
}

function stirling(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * r2 + (STIRLING[k] as number);
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series * r;
}

/** Regularised lower incomplete gamma P(a, x). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x > 1 && x > a) return 1 - gammaQ(a, x);
  const ax = a * Math.log(x) - x - logGamma(a);
  if (ax < -MAXLOG) return 0;
  // Power series: P = x^a e^-x / Γ(a+1) · Σ x^k / ((a+1)...(a+k)).
  let r = a;
  let c = 1;
  let sum = 1;
  do {
    r += 1;
    c *= x / r;
    sum += c;
  } while (c / sum > MACHEP);
  return (sum * Math.exp(ax)) / a;
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the far tail. */
export function gammaQ(a: number, x: number): number {
  if (x === Infinity) return 0;
  if (x < 1 || x < a) return 1 - gammaP(a, x);
  const ax = a * Math.log(x) - x - logGamma(a);
  if (ax < -MAXLOG) return 0;
  // Legendre's continued fraction, evaluated forwards with rescaling (Cephes igamc).
  let y = 1 - a;
  let z = x + y + 1;
  let c = 0;
  let pkm2 = 1;
  let qkm2 = x;
  let pkm1 = x + 1;
  let qkm1 = z * x;
  let ans = pkm1 / qkm1;
  let t: number;
  do {
    c += 1;
    y += 1;
    z += 2;
    const yc = y * c;
    const pk = pkm1 * z - pkm2 * yc;
    const qk = qkm1 * z - qkm2 * yc;
    if (qk !== 0) {
      const r = pk / qk;
      t = Math.abs((ans - r) / r);
      ans = r;
    } else {
      t = 1;
    }
    pkm2 = pkm1;
    pkm1 = pk;
    qkm2 = qkm1;
    qkm1 = qk;
    if (Math.abs(pk) > BIG) {
      pkm2 *= BIG_INV;
      pkm1 *= BIG_INV;
      qkm2 *= BIG_INV;
      qkm1 *= BIG_INV;
    }
  } while (t > MACHEP);
  return ans * Math.exp(ax);
}

/** Survival function of the chi-square distribution with `dof` degrees of freedom. */
export function chi2Sf(x: number, dof: number): number {
  if (x <= 0) return 1;
  return gammaQ(dof / 2, x / 2);
}

/** Two-sided normal tail 2·(1 − Φ(|z|)) = erfc(|z|/√2), without the 1 − Φ cancellation. */
export function normalTwoSidedP(z: number): number {
  return gammaQ(0.5, (z * z) / 2);
}

/** x · 2^e without the intermediate overflow or underflow of 2 ** e for large |e|. */
export function ldexp(x: number, e: number): number {
  let y = x;
  let k = e;
  while (k > 1000) {
    y *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    y *= 2 ** -1000;
    k += 1000;
  }
  return y * 2 ** k;
}
