// experimentArchive with cascadeRuns (MLflow's experiment delete and restore) against the
// plain archive the web app uses, which leaves the runs alone.
import { expect, it } from 'vitest';
import { runFind } from '@quorum/db';
import { describeEachEngine } from '../test/harness';
import { experimentArchive } from './experiments';
import { runSetDeleted } from './runs';

describeEachEngine('experimentArchive cascade', (get) => {
  const ctx = () => ({ db: get().handle.db, clock: get().clock, actor: get().actors.data_scientist });

  async function seed(name: string, runs: number) {
    const { caller } = get();
    const { id } = await caller.experiments.create({ name });
    const ids: string[] = [];
    for (let i = 0; i < runs; i++) ids.push((await caller.runs.create({ experimentId: id, name: `${name}-${i}` })).id);
    return { id, ids };
  }
  const deletedAt = async (runId: string) => (await runFind(get().handle.db, runId))!.deletedAt;

  it('deletes the runs at the archive instant and restores only those deleted at or after it', async () => {
    const { id, ids } = await seed('cascade-service', 3);
    const [before, a, b] = ids as [string, string, string];
    await runSetDeleted(ctx(), { runId: before, deleted: true });
    const earlier = await deletedAt(before);
    get().clock.advance(500);

    const archived = await experimentArchive(ctx(), { id, archived: true, cascadeRuns: true });
    expect(archived.archivedAt).toBe(get().clock.now());
    expect(await deletedAt(a)).toBe(archived.archivedAt);
    expect(await deletedAt(b)).toBe(archived.archivedAt);
    expect(await deletedAt(before)).toBe(earlier); // not moved to the archive instant
    expect(archived.runCount).toBe(0);

    // Deleting the same state twice is refused, so the restore threshold cannot move.
    await expect(experimentArchive(ctx(), { id, archived: true, cascadeRuns: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    get().clock.advance(500);
    const restored = await experimentArchive(ctx(), { id, archived: false, cascadeRuns: true });
    expect(restored.archivedAt).toBeNull();
    expect([await deletedAt(before), await deletedAt(a), await deletedAt(b)]).toEqual([earlier, null, null]);
    expect(restored.runCount).toBe(2);
    await expect(experimentArchive(ctx(), { id, archived: false, cascadeRuns: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const trail = await get().callerAs('compliance_lead').audit.list({ entityId: String(id), action: 'experiments.archive' });
    expect(trail.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        { archived: true, runsDeleted: expect.arrayContaining([a, b]) },
        { archived: false, runsRestored: expect.arrayContaining([a, b]) },
      ]),
    );
  });

  it('leaves the runs alone without cascadeRuns (the web app archive)', async () => {
    const { id, ids } = await seed('cascade-plain', 2);
    await get().caller.experiments.archive({ id, archived: true });
    for (const runId of ids) expect(await deletedAt(runId)).toBeNull();
    await get().caller.experiments.archive({ id, archived: false });
    for (const runId of ids) expect(await deletedAt(runId)).toBeNull();
  });

  it('answers NOT_FOUND for an unknown experiment and writes nothing', async () => {
    await expect(experimentArchive(ctx(), { id: 987_654, archived: true, cascadeRuns: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
