// A run as a training script sees it: log params, metrics and datasets; points are
// buffered and sent in batches, each retried with its idempotency key so a retry after
// a lost answer is stored once.
import { randomUUID } from 'node:crypto';
import { DATASET_SAMPLE_LIMIT, profileCellMissing, profileSample, type ProfileCell } from '@quorum/domain';
import type { QuorumApi } from './client';

/** A profile from whole columns: the true counts, and a sample of each column's present values. */
export function datasetProfileOf(columns: Record<string, readonly ProfileCell[]>) {
  return {
    columns: Object.entries(columns).map(([name, values]) => {
      const present = values.filter((v) => !profileCellMissing(v));
      return { name, values: profileSample(present, DATASET_SAMPLE_LIMIT), rowCount: values.length, missingCount: values.length - present.length };
    }),
  };
}

type RunStatus = 'FINISHED' | 'FAILED' | 'KILLED';
interface Point {
  key: string;
  value: number;
  step: number;
  timestamp: number;
}

export interface RunLoggerOptions {
  /** Points per request (at most 10,000). */
  batchSize?: number;
  /** Send buffered points at least this often, in ms. */
  flushIntervalMs?: number;
  /** Attempts per batch before giving up. */
  retries?: number;
}

/** Runs not ended yet; when the script returns, their points are sent and they are finished. */
const open = new Set<RunLogger>();
let exitHookInstalled = false;
function finishOnExit(run: RunLogger) {
  open.add(run);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('beforeExit', () => {
    for (const r of open) void r.end().catch((e: unknown) => console.error(`Quorum: could not finish run ${r.id}:`, e));
  });
}

export class RunLogger {
  private buffer: Point[] = [];
  private sending: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly batchSize: number;
  private readonly retries: number;

  constructor(
    private readonly api: QuorumApi,
    readonly id: string,
    options: RunLoggerOptions = {},
  ) {
    this.batchSize = Math.min(options.batchSize ?? 5_000, 10_000);
    this.retries = options.retries ?? 5;
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 2_000);
    this.timer.unref?.();
    // A script that returns without calling end() still has its points sent and its run finished.
    finishOnExit(this);
  }

  /** Logs params (immutable: logging a different value later is an error). */
  async logParams(params: Record<string, string | number | boolean>) {
    await this.send({ params: Object.entries(params).map(([key, value]) => ({ key, value: String(value) })) });
  }

  async setTags(tags: Record<string, string>) {
    await this.send({ tags: Object.entries(tags).map(([key, value]) => ({ key, value })) });
  }

  /**
   * Records a dataset this run used, with its context (train, eval…). Given `columns`
   * (column name → values), a profile is sent too — a uniform sample of each column —
   * so the Data & drift page can compare this dataset version with others.
   */
  async logDataset(dataset: {
    name: string;
    digest: string;
    source?: string;
    sourceType?: string;
    context?: string;
    schema?: { columns: { name: string; type: string }[] };
    columns?: Record<string, readonly ProfileCell[]>;
  }) {
    const { columns, ...rest } = dataset;
    const profile = columns ? datasetProfileOf(columns) : undefined;
    await this.send({ inputs: [{ source: '', sourceType: '', context: '', ...rest, ...(profile && { profile }) }] });
  }

  /** Buffers a metric point; it is sent with the next batch. */
  logMetric(key: string, value: number, step = 0, timestamp = Date.now()) {
    this.buffer.push({ key, value, step, timestamp });
    if (this.buffer.length >= this.batchSize) void this.flush();
  }

  logMetrics(values: Record<string, number>, step = 0) {
    const now = Date.now();
    for (const [key, value] of Object.entries(values)) this.logMetric(key, value, step, now);
  }

  /** Sends everything buffered; resolves when the server has stored it. */
  flush(): Promise<void> {
    while (this.buffer.length > 0) {
      const metrics = this.buffer.splice(0, this.batchSize);
      this.sending = this.sending.then(() => this.send({ metrics }));
    }
    return this.sending;
  }

  /** Flushes and marks the run finished (or failed/killed). */
  async end(status: RunStatus = 'FINISHED') {
    open.delete(this);
    clearInterval(this.timer);
    await this.flush();
    await this.api.runs.update.mutate({ runId: this.id, status });
  }

  private async send(batch: Omit<Parameters<QuorumApi['runs']['logBatch']['mutate']>[0], 'runId' | 'idempotencyKey'>) {
    const idempotencyKey = randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.api.runs.logBatch.mutate({ runId: this.id, idempotencyKey, ...batch });
        return;
      } catch (error) {
        const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus;
        // A 4xx will not succeed on retry; a network error or 5xx might.
        if ((status && status < 500) || attempt >= this.retries) throw error;
        await new Promise((r) => setTimeout(r, Math.min(200 * 2 ** attempt, 5_000)));
      }
    }
  }
}
