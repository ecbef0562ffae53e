// runs.create with a given id (how an MLflow import keeps run ids).
import { TRPCError } from '@trpc/server';
import { randomBytes } from 'node:crypto';
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

const hexId = () => randomBytes(16).toString('hex');

describeEachEngine('runs.create with an id', (get) => {
  it('keeps the given id, and refuses it a second time with CONFLICT', async () => {
    const { caller } = get();
    const exp = await caller.experiments.create({ name: 'imported' });
    const id = hexId();
    const run = await caller.runs.create({ experimentId: exp.id, id, name: 'kept', startTime: 1_000, tags: [{ key: 'team', value: 'risk' }] });
    expect(run.id).toBe(id);
    expect(await caller.runs.get({ runId: id })).toMatchObject({ name: 'kept', startTime: 1_000, tags: { team: 'risk' } });

    const again = await rejection(caller.runs.create({ experimentId: exp.id, id, name: 'other' }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe(`A run with id ${id} already exists`);
    // The first run is untouched.
    expect((await caller.runs.get({ runId: id })).name).toBe('kept');
  });

  it('lets exactly one of two simultaneous creates with the same id win', async () => {
    const { caller } = get();
    const exp = await caller.experiments.create({ name: 'imported-race' });
    const id = hexId();
    const results = await Promise.allSettled([0, 1].map((i) => caller.runs.create({ experimentId: exp.id, id, name: `racer-${i}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected')!;
    expect((lost.reason as TRPCError).code).toBe('CONFLICT');
  });

  it('accepts only a 32-character lowercase hex id', async () => {
    const { caller } = get();
    const exp = await caller.experiments.create({ name: 'imported-bad-id' });
    const bad = await rejection(caller.runs.create({ experimentId: exp.id, id: 'ABC' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('32 lowercase hexadecimal');
  });
});
