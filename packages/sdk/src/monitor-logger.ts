// For serving code: record each prediction (id, value, features, latency) as it is served
// and send the window when it closes; send ground truth later by prediction id. A window
// resent after a lost answer is recognised (the server refuses a second copy) and counted
// as sent, so retries never record a window twice.
import type { QuorumApi } from './client';

type Scalar = number | string | boolean;
type Cell = number | string | null;

export interface MonitorLoggerOptions {
  model: string;
  /** The alias the traffic is served under (resolved to the version it pointed at when the window began). */
  alias?: string;
  /** Or the version number, when serving a version directly. */
  version?: number;
  /** Attempts per window on network errors and 5xx (default 4). */
  retries?: number;
}

const httpStatusOf = (error: unknown) => (error as { data?: { httpStatus?: number } }).data?.httpStatus;

export class MonitorLogger {
  private ids: string[] = [];
  private values: Scalar[] = [];
  private latencies: number[] = [];
  private features = new Map<string, Cell[]>();
  private started: number;

  constructor(
    private readonly api: QuorumApi,
    private readonly options: MonitorLoggerOptions,
    now = Date.now(),
  ) {
    this.started = now;
  }

  /** One served prediction. Features missing from a call are recorded as null for it. */
  record(p: { id?: string; prediction: Scalar; features?: Record<string, Cell>; latencyMs?: number }): void {
    const index = this.values.length;
    if (p.id !== undefined) this.ids.push(p.id);
    this.values.push(p.prediction);
    if (p.latencyMs !== undefined) this.latencies.push(p.latencyMs);
    for (const [name, value] of Object.entries(p.features ?? {})) {
      let column = this.features.get(name);
      if (!column) this.features.set(name, (column = new Array<Cell>(index).fill(null)));
      column.push(value);
    }
    for (const column of this.features.values()) if (column.length < index + 1) column.push(null);
  }

  get pending(): number {
    return this.values.length;
  }

  /**
   * Sends what was recorded since the last flush as the window [start, end) and starts a
   * new one. Ids are sent only when every prediction had one (labels join on them).
   */
  async flush(end = Date.now()): Promise<{ windowId: number | null; predictions: number }> {
    const start = this.started;
    const window = {
      model: this.options.model,
      ...(this.options.alias !== undefined && { alias: this.options.alias }),
      ...(this.options.version !== undefined && { version: this.options.version }),
      windowStart: start,
      windowEnd: Math.max(end, start + 1),
      ...(this.latencies.length > 0 && { latency: { samplesMs: this.latencies } }),
      predictions: { values: this.values, ...(this.ids.length === this.values.length && this.ids.length > 0 && { ids: this.ids }) },
      features: Object.fromEntries(this.features),
    };
    const predictions = this.values.length;
    this.ids = [];
    this.values = [];
    this.latencies = [];
    this.features = new Map();
    this.started = window.windowEnd;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.api.monitoring.ingest.mutate(window);
        return { windowId: res.window.id, predictions };
      } catch (error) {
        const status = httpStatusOf(error);
        // 409: a retry whose first attempt was stored after all.
        if (status === 409 && attempt > 1) return { windowId: null, predictions };
        if ((status && status < 500) || attempt >= (this.options.retries ?? 4)) throw error;
        await new Promise((r) => setTimeout(r, Math.min(200 * 2 ** attempt, 5_000)));
      }
    }
  }

  /** Ground truth for earlier predictions, joined by id; returns how many matched. */
  async labels(labels: { id: string; actual: Scalar }[]): Promise<{ matched: number; unmatched: number }> {
    let matched = 0;
    let unmatched = 0;
    for (let i = 0; i < labels.length; i += 100_000) {
      const res = await this.api.monitoring.labels.mutate({ model: this.options.model, labels: labels.slice(i, i + 100_000) });
      matched += res.matched;
      unmatched += res.unmatched;
    }
    return { matched, unmatched };
  }
}
