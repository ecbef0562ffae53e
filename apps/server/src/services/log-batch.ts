// logBatch: metrics, params, tags and dataset inputs of one run, all or nothing.
import type { LogBatchInput } from '@quorum/contracts';
import {
  batchKeyClaim,
  metricBatchWrite,
  paramsInsert,
  runFind,
  runInputAdd,
  runTouch,
  tagsUpsert,
  type MetricPointRow,
  type MetricRollupRow,
} from '@quorum/db';
import { SERIES_ROLLUP_WIDTHS, seriesPointBefore, seriesSummarise } from '@quorum/domain';
import { audit, auditEntryOf } from './audit';
import type { ServiceContext } from './context';
import { datasetStore } from './datasets';
import { badRequest, notFound } from './errors';

export interface LogBatchResult {
  /** False when the idempotency key had been seen: nothing was written again. */
  applied: boolean;
  metrics: number;
  params: number;
  tags: number;
  inputs: number;
}

export async function logBatch(ctx: ServiceContext, input: LogBatchInput): Promise<LogBatchResult> {
  assertParamsConsistent(input.params);
  const now = ctx.clock.now();
  const byKey = groupByKey(input.metrics);
  const target = { entityType: 'run', entityId: input.runId };
  const summary = batchSummary(input, byKey);
  const metrics = { points: input.metrics, latest: latestOf(byKey), rollups: rollupsOf(byKey), now };
  const applied = { applied: true, metrics: input.metrics.length, params: input.params.length, tags: input.tags.length, inputs: input.inputs.length };

  const missing = () => notFound(`No run with id ${input.runId}`);

  // Metrics alone are one statement, atomic by itself and checking the run on its own:
  // a single round trip on the hot path.
  if (input.metrics.length > 0 && !input.idempotencyKey && input.params.length === 0 && input.tags.length === 0 && input.inputs.length === 0) {
    if (!(await metricBatchWrite(ctx.db, input.runId, { ...metrics, audit: auditEntryOf(ctx, 'runs.logBatch', target, summary) }))) throw missing();
    return applied;
  }
  const run = await runFind(ctx.db, input.runId);
  if (!run || run.deletedAt !== null) throw missing();
  return ctx.db.transaction(async (tx) => {
    if (input.idempotencyKey && !(await batchKeyClaim(tx, input.runId, input.idempotencyKey))) {
      return { applied: false, metrics: 0, params: 0, tags: 0, inputs: 0 };
    }
    const clashes = await paramsInsert(tx, input.runId, uniqueByKey(input.params));
    if (clashes.length > 0) {
      const c = clashes[0]!;
      throw badRequest(
        `Param "${c.key}" is already logged as "${c.stored}" and cannot change to "${c.given}"; params are immutable (log a tag or a new run instead)`,
        { keys: clashes.map((x) => x.key) },
      );
    }
    await tagsUpsert(tx, input.runId, uniqueByKey(input.tags, 'last'));
    for (const ds of input.inputs) {
      const dataset = await datasetStore(tx, ds, now);
      await runInputAdd(tx, input.runId, dataset.id, ds.context);
    }
    if (input.metrics.length > 0) await metricBatchWrite(tx, input.runId, metrics);
    else await runTouch(tx, input.runId, now);
    await audit(ctx, tx, 'runs.logBatch', target, summary);
    return applied;
  });
}

function assertParamsConsistent(items: readonly { key: string; value: string }[]) {
  const seen = new Map<string, string>();
  for (const { key, value } of items) {
    const prev = seen.get(key);
    if (prev !== undefined && prev !== value) {
      throw badRequest(`Param "${key}" appears twice in the batch with different values ("${prev}" and "${value}")`);
    }
    seen.set(key, value);
  }
}

/** One item per key: the first (params, which must agree anyway) or the last (tags, last write wins). */
function uniqueByKey<T extends { key: string }>(items: readonly T[], keep: 'first' | 'last' = 'first'): T[] {
  const map = new Map<string, T>();
  for (const item of items) if (keep === 'last' || !map.has(item.key)) map.set(item.key, item);
  return [...map.values()];
}

function groupByKey(points: readonly MetricPointRow[]): Map<string, MetricPointRow[]> {
  const map = new Map<string, MetricPointRow[]>();
  for (const p of points) {
    const list = map.get(p.key);
    if (list) list.push(p);
    else map.set(p.key, [p]);
  }
  return map;
}

function latestOf(byKey: Map<string, MetricPointRow[]>): MetricPointRow[] {
  return [...byKey.values()].map((list) => list.reduce((best, p) => (seriesPointBefore(best, p) || (best.step === p.step && best.timestamp === p.timestamp) ? p : best)));
}

function rollupsOf(byKey: Map<string, MetricPointRow[]>): MetricRollupRow[] {
  const rows: MetricRollupRow[] = [];
  for (const [key, list] of byKey) {
    for (const width of SERIES_ROLLUP_WIDTHS) {
      for (const s of seriesSummarise(list, width)) rows.push({ key, width, ...s });
    }
  }
  return rows;
}

/** What a batch changed, in a few lines: counts and step ranges, not every value. */
function batchSummary(input: LogBatchInput, byKey: Map<string, MetricPointRow[]>) {
  const metrics = Object.fromEntries(
    [...byKey].slice(0, 50).map(([key, list]) => [key, { points: list.length, steps: [Math.min(...list.map((p) => p.step)), Math.max(...list.map((p) => p.step))] }]),
  );
  return {
    ...(input.metrics.length > 0 && { points: input.metrics.length, metrics }),
    ...(input.params.length > 0 && { params: Object.fromEntries(input.params.map((p) => [p.key, p.value])) }),
    ...(input.tags.length > 0 && { tags: Object.fromEntries(input.tags.map((t) => [t.key, t.value])) }),
    ...(input.inputs.length > 0 && { inputs: input.inputs.map((d) => `${d.name}@${d.digest} (${d.context || 'no context'})`) }),
    ...(input.idempotencyKey && { idempotencyKey: input.idempotencyKey }),
  };
}
