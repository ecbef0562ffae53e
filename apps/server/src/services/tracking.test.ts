import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../test/harness';

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

describeEachEngine('experiments', (get) => {
  it('creates, lists with run counts, renames and archives', async () => {
    const { caller, clock } = get();
    const a = await caller.experiments.create({ name: 'churn' });
    await caller.experiments.create({ name: 'fraud' });
    clock.advance(1_000);
    const run = await caller.runs.create({ experimentId: a.id, name: 'r1' });
    await caller.runs.create({ experimentId: a.id });
    await caller.runs.update({ runId: run.id, status: 'FINISHED' });

    const list = await caller.experiments.list({ includeArchived: false });
    const churn = list.find((e) => e.name === 'churn')!;
    expect(churn.runCount).toBe(2);
    expect(churn.activeRunCount).toBe(1);
    expect(churn.lastActivity).toBe(clock.now());
    expect(list[0]!.name).toBe('churn'); // most recent activity first

    const dup = await rejection(caller.experiments.create({ name: 'fraud' }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('already exists');

    const renamed = await caller.experiments.rename({ id: a.id, name: 'churn-v2' });
    expect(renamed.name).toBe('churn-v2');
    await caller.experiments.archive({ id: a.id, archived: true });
    expect((await caller.experiments.list({ includeArchived: false })).map((e) => e.name)).toEqual(['fraud']);
    expect(await caller.experiments.list({ includeArchived: true })).toHaveLength(2);
    const blocked = await rejection(caller.runs.create({ experimentId: a.id }));
    expect(blocked.message).toContain('archived');

    const missing = await rejection(caller.experiments.get({ id: 9999 }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describeEachEngine('runs.logBatch', (get) => {
  async function freshRun() {
    const { caller } = get();
    const exp = await caller.experiments.create({ name: `exp-${Math.random()}` });
    return caller.runs.create({ experimentId: exp.id, name: 'run', userId: 'ana', sourceCommit: 'abc123' });
  }

  it('stores metrics (NaN and ±Infinity included), params, tags and datasets', async () => {
    const { caller } = get();
    const run = await freshRun();
    const result = await caller.runs.logBatch({
      runId: run.id,
      metrics: [
        { key: 'loss', value: 1.5, step: 0, timestamp: 1000 },
        { key: 'loss', value: NaN, step: 1, timestamp: 1001 },
        { key: 'loss', value: -Infinity, step: 2, timestamp: 1002 },
        { key: 'acc', value: Infinity, step: 5, timestamp: 1003 },
      ],
      params: [{ key: 'lr', value: '0.01' }],
      tags: [{ key: 'team', value: 'risk' }],
      inputs: [{ name: 'train', digest: 'd1', source: 's3://x', sourceType: 's3', context: 'train', schema: { columns: [{ name: 'a', type: 'double' }] } }],
    });
    expect(result).toMatchObject({ applied: true, metrics: 4, params: 1 });
    const got = await caller.runs.get({ runId: run.id });
    expect(got.params).toEqual({ lr: '0.01' });
    expect(got.tags).toEqual({ team: 'risk' });
    expect(got.metrics.loss).toEqual({ value: -Infinity, step: 2, timestamp: 1002 });
    expect(got.metrics.acc!.value).toBe(Infinity);
    expect(got.inputs).toMatchObject([{ name: 'train', digest: 'd1', context: 'train' }]);

    const series = await caller.metrics.series({ runIds: [run.id], keys: ['loss'] });
    expect(series.series[0]!.values).toEqual([1.5, NaN, -Infinity]);
  });

  it('keeps params immutable and writes nothing from a rejected batch', async () => {
    const { caller } = get();
    const run = await freshRun();
    await caller.runs.logBatch({ runId: run.id, params: [{ key: 'lr', value: '0.01' }] });
    const clash = await rejection(
      caller.runs.logBatch({
        runId: run.id,
        params: [{ key: 'lr', value: '0.02' }],
        metrics: [{ key: 'loss', value: 1, step: 0, timestamp: 1 }],
        tags: [{ key: 't', value: 'v' }],
      }),
    );
    expect(clash.code).toBe('BAD_REQUEST');
    expect(clash.message).toContain('immutable');
    const got = await caller.runs.get({ runId: run.id });
    expect(got.params).toEqual({ lr: '0.01' });
    expect(got.metrics).toEqual({});
    expect(got.tags).toEqual({});
    // The same value again is fine.
    await caller.runs.logBatch({ runId: run.id, params: [{ key: 'lr', value: '0.01' }] });
  });

  it('rejects bad input with a message and stores nothing', async () => {
    const { caller } = get();
    const run = await freshRun();
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ key: 'x', value: i, step: i, timestamp: i }));
    const oversize = await rejection(caller.runs.logBatch({ runId: run.id, metrics: tooMany }));
    expect(oversize.code).toBe('BAD_REQUEST');
    expect(oversize.message).toContain('at most 10,000');

    const badKey = await rejection(caller.runs.logBatch({ runId: run.id, metrics: [{ key: 'a;drop', value: 1, step: 0, timestamp: 0 }] }));
    expect(badKey.message).toMatch(/metrics\.0\.key: A key may contain only/);

    const badValue = await rejection(
      caller.runs.logBatch({ runId: run.id, metrics: [{ key: 'a', value: '1.5' as unknown as number, step: 0, timestamp: 0 }] }),
    );
    expect(badValue.message).toContain('must be a number');

    const unknownRun = await rejection(caller.runs.logBatch({ runId: 'f'.repeat(32), metrics: [] }));
    expect(unknownRun.code).toBe('NOT_FOUND');
    // The single-statement metrics path checks the run too, and leaves no orphan points.
    const orphan = await rejection(caller.runs.logBatch({ runId: 'e'.repeat(32), metrics: [{ key: 'x', value: 1, step: 0, timestamp: 0 }] }));
    expect(orphan.code).toBe('NOT_FOUND');
    const leftovers = await get().handle.db.execute(sql`select count(*)::int as n from metrics where run_id = ${'e'.repeat(32)}`);
    expect((leftovers as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);

    expect((await caller.runs.get({ runId: run.id })).metrics).toEqual({});
  });

  it('stores a retried batch once when it carries an idempotency key', async () => {
    const { caller } = get();
    const run = await freshRun();
    const batch = { runId: run.id, idempotencyKey: 'batch-0001', metrics: [{ key: 'loss', value: 2, step: 0, timestamp: 5 }] };
    expect((await caller.runs.logBatch(batch)).applied).toBe(true);
    expect((await caller.runs.logBatch(batch)).applied).toBe(false);
    const series = await caller.metrics.series({ runIds: [run.id], keys: ['loss'] });
    expect(series.series[0]!.steps).toEqual([0]);
  });

  it('sets the end time when a run finishes and refuses an end before the start', async () => {
    const { caller, clock } = get();
    const run = await freshRun();
    clock.advance(60_000);
    const done = await caller.runs.update({ runId: run.id, status: 'FINISHED' });
    expect(done.endTime).toBe(clock.now());
    const bad = await rejection(caller.runs.update({ runId: run.id, endTime: run.startTime - 1 }));
    expect(bad.message).toContain('before the run');
    const empty = await rejection(caller.runs.update({ runId: run.id }));
    expect(empty.message).toContain('Nothing to update');
  });

  it('keeps the latest value by step, then time, across batches', async () => {
    const { caller } = get();
    const run = await freshRun();
    await caller.runs.logBatch({ runId: run.id, metrics: [{ key: 'auc', value: 0.9, step: 10, timestamp: 10 }] });
    await caller.runs.logBatch({ runId: run.id, metrics: [{ key: 'auc', value: 0.5, step: 3, timestamp: 99 }] });
    expect((await caller.runs.get({ runId: run.id })).metrics.auc!.value).toBe(0.9);
    await caller.runs.logBatch({ runId: run.id, metrics: [{ key: 'auc', value: 0.95, step: 10, timestamp: 11 }] });
    expect((await caller.runs.get({ runId: run.id })).metrics.auc!.value).toBe(0.95);
  });
});

