// KPIs through the API: definitions, daily observations (replaced per day), the board
// with status, trend and the promotions of linked models, and comments that become
// evidence on a promotion request.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../test/harness';

const DAY = 86_400_000;

describeEachEngine('KPIs', (get) => {
  it('records daily values, reads the board with status, trend and promotions, and links comments to a request', async () => {
    const { callerAs, clock } = get();
    const po = callerAs('product_owner');
    const ds = callerAs('data_scientist');
    const mlops = callerAs('mlops_engineer');

    // A model with one version promoted to production 10 days ago.
    const exp = await ds.experiments.create({ name: 'kpi-exp' });
    const run = await ds.runs.create({ experimentId: exp.id });
    await ds.runs.update({ runId: run.id, status: 'FINISHED' });
    const model = await mlops.models.create({ name: 'kpi-model' });
    const version = await ds.versions.create({ modelId: model.id, runId: run.id, artifactUri: 's3://k', artifactSha256: 'b'.repeat(64), artifactSize: 1 });
    const request = await ds.promotions.request({ versionId: version.id, alias: 'production', justification: 'First production model for the KPI.' });
    await mlops.gates.check({ versionId: version.id });
    await mlops.promotions.decide({ requestId: request.id, decision: 'approve', role: 'mlops_engineer' });
    await ds.promotions.execute({ requestId: request.id });
    const promotedAt = clock.now();

    const kpi = await po.kpis.create({ name: 'Churn rate', unit: '%', direction: 'lower', target: 4, modelIds: [model.id] });
    await expect(po.kpis.create({ name: 'Churn rate', direction: 'lower', target: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(po.kpis.create({ name: 'x', direction: 'lower', target: 1, modelIds: [999_999] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('999999') });
    await expect(ds.kpis.create({ name: 'y', direction: 'higher', target: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // 20 days: 5% before the promotion, 3.8% after.
    const today = Math.floor(clock.now() / DAY) * DAY;
    const observations = Array.from({ length: 20 }, (_, i) => {
      const at = today - (19 - i) * DAY;
      return { at, value: at < promotedAt ? 5 : 3.8 };
    });
    expect(await callerAs('data_engineer').kpis.record({ kpiId: kpi.id, observations })).toEqual({ recorded: 20, replaced: 0 });
    // Days given as dates; the same day again replaces it.
    const lastDay = new Date(today).toISOString().slice(0, 10);
    expect(await po.kpis.record({ kpiId: kpi.id, observations: [{ at: lastDay, value: 3.7 }], source: 'csv' })).toEqual({ recorded: 1, replaced: 1 });
    await expect(po.kpis.record({ kpiId: kpi.id, observations: [{ at: lastDay, value: 1 }, { at: today, value: 2 }] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('same day') });
    await expect(po.kpis.record({ kpiId: kpi.id, observations: [{ at: '27/11/2026', value: 1 }] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('YYYY-MM-DD') });
    await expect(po.kpis.record({ kpiId: kpi.id, observations: [{ at: today, value: Number.NaN }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const [card] = (await ds.kpis.board()).filter((k) => k.id === kpi.id);
    expect(card).toMatchObject({ name: 'Churn rate', ownerName: 'product owner', latest: { at: today, value: 3.7 }, status: { status: 'on_target' } });
    expect(card!.observations).toHaveLength(20);
    expect(card!.models).toEqual([{ id: model.id, name: 'kpi-model' }]);
    expect(card!.annotations).toEqual([expect.objectContaining({ kind: 'promotion', modelName: 'kpi-model', alias: 'production', version: 1, requestId: request.id })]);
    expect(card!.trend).toMatchObject({ verdict: 'better' });

    const comment = await po.kpis.comment({ kpiId: kpi.id, body: 'Churn fell by 1.2 points after v1 went live.', promotionRequestId: request.id });
    await expect(po.kpis.comment({ kpiId: kpi.id, body: 'x', promotionRequestId: 999_999 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('#999999') });
    await expect(ds.kpis.comment({ kpiId: kpi.id, body: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const evidence = await callerAs('compliance_lead').promotions.get({ requestId: request.id });
    expect(evidence.kpiComments).toEqual([expect.objectContaining({ id: comment.id, kpiName: 'Churn rate', authorName: 'product owner', body: comment.body })]);

    const detail = await po.kpis.get({ id: kpi.id });
    expect(detail.comments.map((c) => c.body)).toEqual([comment.body]);
    const updated = await po.kpis.update({ id: kpi.id, target: 3.5, modelIds: [] });
    expect(updated.target).toBe(3.5);
    expect((await po.kpis.get({ id: kpi.id })).models).toEqual([]);

    const trail = await callerAs('compliance_lead').audit.list({ entityType: 'kpi', entityId: String(kpi.id) });
    expect(trail.map((e) => e.action)).toEqual(['kpis.update', 'kpis.comment', 'kpis.record', 'kpis.record', 'kpis.create']);
  });
});
