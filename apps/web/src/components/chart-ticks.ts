// Axis tick labels short enough not to collide: 1.2k, 20k, 3M; 1m 30s; 14:05.

/** A number in at most three significant digits, with k/M/B for large magnitudes. */
export function chartTickNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) if (abs >= size) return `${Number((v / size).toPrecision(3))}${suffix}`;
  if (abs !== 0 && abs < 1e-3) return v.toExponential(0).replace('e-', 'e−');
  return String(Number(v.toPrecision(3)));
}

/** A duration as its two largest units: "45s", "1m 30s", "2h", "1d 4h". */
export function chartTickDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  let s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${sign}${s}s`;
  const parts: [number, string][] = [];
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  for (const [n, u] of [
    [d, 'd'],
    [h, 'h'],
    [m, 'm'],
    [s, 's'],
  ] as [number, string][]) {
    if (n > 0 || parts.length > 0) parts.push([n, u]);
  }
  const [first, second] = parts;
  const head = `${first![0]}${first![1]}`;
  return sign + (second && second[0] > 0 ? `${head} ${second[0]}${second[1]}` : head);
}

const DURATION_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400].map((s) => s * 1000);

/** Ticks at round durations (10s, 5m, 1h …) covering [min, max] ms, about `count` of them. */
export function chartDurationTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(count, 1);
  const step = DURATION_STEPS.find((s) => s >= raw) ?? Math.ceil(raw / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
  return ticks;
}

/** A wall-clock tick: time of day for spans under two days, else the date. */
export function chartTickTime(ms: number, spanMs: number): string {
  const d = new Date(ms);
  if (spanMs >= 2 * 86_400_000) return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  const withSeconds = spanMs < 10 * 60_000;
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...(withSeconds && { second: '2-digit' }) });
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** About `count` ticks on whole local days (or whole hours for spans under two days) inside the domain. */
export function chartTimeTicks([start, end]: readonly [number, number], count: number): number[] {
  const span = end - start;
  const unit = span >= 2 * DAY_MS ? DAY_MS : HOUR_MS;
  const step = Math.max(1, Math.ceil(span / unit / count)) * unit;
  // Local midnight is UTC midnight plus the zone's offset, so day labels fall on midnight.
  const offset = unit === DAY_MS ? new Date(start).getTimezoneOffset() * 60_000 : 0;
  const ticks: number[] = [];
  for (let t = Math.ceil((start - offset) / step) * step + offset; t <= end; t += step) ticks.push(t);
  return ticks;
}
