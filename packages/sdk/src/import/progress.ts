// Progress of an import on stderr: a one-line bar redrawn in place on a terminal, plain
// lines every few seconds otherwise (CI logs, files). A small renderer rather than a
// progress-bar library: one bar and one counter are all it draws, the non-terminal mode
// needs its own output anyway, and tests can hand it any writable and clock.

export interface ImportProgress {
  /** How many runs the import will walk through. */
  start(totalRuns: number): void;
  /** The run being imported now (shown after the counters). */
  current(label: string): void;
  runDone(): void;
  points(count: number): void;
  /** A line kept above the bar (a warning, a failed run). */
  note(line: string): void;
  stop(): void;
}

export interface ProgressOutput {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR_WIDTH = 24;
const TTY_REDRAW_MS = 100;
const PLAIN_EVERY_MS = 5_000;

const fmt = (n: number) => Math.round(n).toLocaleString('en');

export function progressReporter(out: ProgressOutput, now: () => number = Date.now): ImportProgress {
  const tty = out.isTTY === true;
  let total = 0;
  let done = 0;
  let points = 0;
  let label = '';
  let started = now();
  let lastDraw = 0;

  const line = () => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    return `${fmt(done)}/${fmt(total)} runs · ${fmt(points)} points · ${fmt(points / seconds)} points/s`;
  };
  const draw = (force = false) => {
    const t = now();
    if (!force && t - lastDraw < (tty ? TTY_REDRAW_MS : PLAIN_EVERY_MS)) return;
    lastDraw = t;
    if (!tty) {
      out.write(`import: ${line()}\n`);
      return;
    }
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const text = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${line()}${label ? ` · ${label}` : ''}`;
    const width = (out.columns ?? 100) - 1;
    out.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
  };

  return {
    start(totalRuns) {
      total = totalRuns;
      started = now();
      draw(true);
    },
    current(text) {
      label = text;
      draw();
    },
    runDone() {
      done++;
      draw();
    },
    points(count) {
      points += count;
      draw();
    },
    note(text) {
      out.write(tty ? `\r\x1b[2K${text}\n` : `${text}\n`);
      if (tty) draw(true);
    },
    stop() {
      if (tty) {
        draw(true);
        out.write('\n');
      } else out.write(`import: ${line()}\n`);
    },
  };
}

/** Reports nothing (library use, tests). */
export const progressSilent: ImportProgress = { start() {}, current() {}, runDone() {}, points() {}, note() {}, stop() {} };
