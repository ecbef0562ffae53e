// A sequential colour scale for colouring runs by a metric value.

/**
 * Viridis, stopping short of its pale yellow end so the highest values still
 * read as lines on a white background.
 */
const STOPS: readonly [number, number, number][] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [53, 183, 121],
  [144, 200, 62],
];

/** The colour at t in [0, 1] (clamped), as a CSS hex string. */
export function colourSequential(t: number): string {
  const c = Number.isFinite(t) ? Math.min(Math.max(t, 0), 1) : 0;
  const pos = c * (STOPS.length - 1);
  const i = Math.min(Math.floor(pos), STOPS.length - 2);
  const f = pos - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  return `#${a.map((v, k) => Math.round(v + (b[k]! - v) * f).toString(16).padStart(2, '0')).join('')}`;
}

/** CSS gradient stops of the scale, for its legend. */
export function colourSequentialGradient(): string {
  return STOPS.map((s, i) => `rgb(${s.join(' ')}) ${(i / (STOPS.length - 1)) * 100}%`).join(', ');
}
