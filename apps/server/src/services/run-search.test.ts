import { expect, it } from 'vitest';
import { describeEachEngine } from '../test/harness';
import { runSetDeleted } from './runs';

describeEachEngine('runs.search', (get) => {
  let experimentId = 0;
  const ids: Record<string, string> = {};

  async function seed() {
    if (experimentId) return;
    const { caller } = get();
    experimentId = (await caller.experiments.create({ name: 'search' })).id;
    const rows = [
      { name: 'a', lr: '0.1', opt: 'adam', auc: 0.9, loss: 0.3, team: 'risk' },
      { name: 'b', lr: '0.01', opt: 'sgd', auc: 0.8, loss: 0.2, team: 'risk' },
      { name: 'c', lr: '0.001', opt: 'adam', auc: 0.7, loss: NaN, team: 'growth' },
      { name: 'd', lr: '1e-4', opt: "o'brien", auc: 0.95, loss: 0.1, team: 'growth' },
      { name: 'e', lr: '10', opt: 'sgd', auc: null, loss: 0.5, team: 'risk' },
    ];
    for (const [i, r] of rows.entries()) {
      const run = await caller.runs.create({ experimentId, name: r.name, startTime: 1_000 + i, userId: i % 2 ? 'bo' : 'ana' });
      ids[r.name] = run.id;
      await caller.runs.logBatch({
        runId: run.id,
        params: [
          { key: 'lr', value: r.lr },
          { key: 'optimizer', value: r.opt },
        ],
        tags: [{ key: 'team', value: r.team }],
        metrics: [
          ...(r.auc === null ? [] : [{ key: 'auc', value: r.auc, step: 1, timestamp: 5 }]),
          { key: 'loss', value: r.loss, step: 1, timestamp: 5 },
        ],
      });
      if (r.name === 'b') await caller.runs.update({ runId: run.id, status: 'FAILED' });
    }
  }

  async function names(filter: string, orderBy?: { field: string; direction: 'asc' | 'desc' }) {
    await seed();
    const res = await get().caller.runs.search({ experimentIds: [experimentId], filter, ...(orderBy && { orderBy }) });
    return res.runs.map((r) => r.name);
  }

  it('filters on metrics, params, tags and attributes with AND, OR, IN and parentheses', async () => {
    expect(await names('metrics.auc >= 0.9', { field: 'run_name', direction: 'asc' })).toEqual(['a', 'd']);
    expect(await names('params.optimizer = "adam" and metrics.auc > 0.8')).toEqual(['a']);
    expect((await names('params.optimizer = "sgd" OR tags.team = "growth"')).sort()).toEqual(['b', 'c', 'd', 'e']);
    expect((await names("params.optimizer IN ('adam', 'sgd') AND NOT (tags.team = 'risk')")).sort()).toEqual(['c']);
    expect(await names('metrics.auc IS NULL')).toEqual(['e']);
    expect(await names('status = "FAILED"')).toEqual(['b']);
    expect((await names('attributes.run_name LIKE "%a%"')).sort()).toEqual(['a']);
    expect((await names("tags.team ILIKE 'GROW%'")).sort()).toEqual(['c', 'd']);
    expect((await names('user = "bo"')).sort()).toEqual(['b', 'd']);
  });

  it('compares params numerically when the literal is a number', async () => {
    // "1e-4" < 0.005 numerically, though not as text.
    expect((await names('params.lr < 0.005')).sort()).toEqual(['c', 'd']);
    expect((await names('params.lr > 1')).sort()).toEqual(['e']);
    expect(await names('params.lr = "0.01"')).toEqual(['b']);
  });

  it('treats injection attempts as plain values', async () => {
    expect(await names("params.optimizer = 'o''brien'")).toEqual(['d']);
    expect(await names("params.optimizer = 'x''; drop table runs; --'")).toEqual([]);
    expect(await names('params.`lr; delete from runs` = "1"')).toEqual([]);
    // Everything is still there.
    expect(await names('')).toHaveLength(5);
  });

  it('sorts by metric (NaN and missing last), param (numeric-aware) and attribute', async () => {
    expect(await names('', { field: 'metrics.auc', direction: 'desc' })).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(await names('', { field: 'metrics.loss', direction: 'asc' })).toEqual(['d', 'b', 'a', 'e', 'c']);
    expect(await names('', { field: 'params.lr', direction: 'asc' })).toEqual(['d', 'c', 'b', 'a', 'e']);
    expect(await names('', { field: 'start_time', direction: 'asc' })).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('pages with a cursor until every run is seen once', async () => {
    await seed();
    const { caller } = get();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.runs.search>> = await caller.runs.search({
        experimentIds: [experimentId],
        orderBy: { field: 'run_name', direction: 'asc' },
        limit: 2,
        cursor,
      });
      expect(page.total).toBe(5);
      seen.push(...page.runs.map((r) => r.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids.a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reports filter errors with their position, and bad sorts or cursors', async () => {
    await seed();
    const { caller } = get();
    await expect(caller.runs.search({ experimentIds: [experimentId], filter: 'metrics.auc >> 1' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('column 14'),
    });
    await expect(caller.runs.search({ experimentIds: [experimentId], filter: 'metrics.auc = "high"' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.runs.search({ experimentIds: [experimentId], orderBy: { field: 'colour', direction: 'asc' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Cannot sort by "colour"'),
    });
    await expect(caller.runs.search({ experimentIds: [experimentId], cursor: 'bogus!' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describeEachEngine('runs.search lifecycle', (get) => {
  it('finds undeleted runs by default, soft-deleted ones with "deleted", and both with "all"', async () => {
    const { caller, handle, clock, actors } = get();
    const { id: experimentId } = await caller.experiments.create({ name: 'lifecycle-search' });
    const ids: Record<string, string> = {};
    for (const [i, name] of ['live', 'gone', 'back'].entries()) ids[name] = (await caller.runs.create({ experimentId, name, startTime: 1_000 + i })).id;
    const ctx = { db: handle.db, clock, actor: actors.data_scientist };
    await runSetDeleted(ctx, { runId: ids.gone!, deleted: true });
    await runSetDeleted(ctx, { runId: ids.back!, deleted: true });
    await runSetDeleted(ctx, { runId: ids.back!, deleted: false });

    const search = async (lifecycle?: 'active' | 'deleted' | 'all', filter = '') => {
      const page = await caller.runs.search({ experimentIds: [experimentId], filter, ...(lifecycle && { lifecycle }), orderBy: { field: 'run_name', direction: 'asc' } });
      return { names: page.runs.map((r) => r.name), deleted: page.runs.map((r) => r.deletedAt !== null), total: page.total };
    };
    expect(await search()).toEqual({ names: ['back', 'live'], deleted: [false, false], total: 2 });
    expect(await search('active')).toEqual(await search());
    expect(await search('deleted')).toEqual({ names: ['gone'], deleted: [true], total: 1 });
    expect(await search('all')).toEqual({ names: ['back', 'gone', 'live'], deleted: [false, true, false], total: 3 });
    // The filter applies on top of the lifecycle, and the total counts the same set.
    expect(await search('all', "attributes.run_name != 'live'")).toMatchObject({ names: ['back', 'gone'], total: 2 });
    expect(await search('deleted', "attributes.run_name = 'live'")).toEqual({ names: [], deleted: [], total: 0 });
    await expect(caller.runs.search({ experimentIds: [experimentId], lifecycle: 'gone' as 'all' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
