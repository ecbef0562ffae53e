import { expect, it } from 'vitest';
import { createCaller } from '../app';
import { demoActor } from '../bootstrap';
import { describeEachEngine } from '../test/harness';
import { systemContext } from './context';
import { userCreate } from './users';

const POLICY = {
  checks: [
    { kind: 'metric', id: 'auc', metric: 'auc', op: '>=', threshold: 0.8 },
    { kind: 'latency', id: 'p95', percentile: 95, maxMs: 50 },
  ],
  approvals: [
    { role: 'compliance_lead', count: 1 },
    { role: 'mlops_engineer', count: 1 },
  ],
};
const SHA = 'a'.repeat(64);

describeEachEngine('registry and the promotion quorum', (get) => {
  /** A second account for a role (quorums need people other than the requester). */
  async function another(role: 'mlops_engineer' | 'compliance_lead', also: ('data_scientist' | 'compliance_lead')[] = []) {
    const { handle, clock } = get();
    const user = await userCreate(systemContext(handle.db, clock, 'test'), { email: `${role}-${Math.random()}@test.quorum`, name: `Another ${role}`, roles: [role, ...also], kind: 'service' });
    return createCaller({ db: handle.db, clock, actor: demoActor(user) });
  }

  /** A model with the policy above and a finished run registered as a version, with passing evidence. */
  async function registered(name: string, trainer = get().caller) {
    const { callerAs } = get();
    const exp = await trainer.experiments.create({ name: `exp-${name}` });
    const run = await trainer.runs.create({ experimentId: exp.id, name: `run-${name}` });
    await trainer.runs.logBatch({ runId: run.id, inputs: [{ name: `train-${name}`, digest: 'd1', context: 'train' }] });
    await trainer.runs.update({ runId: run.id, status: 'FINISHED' });
    const model = await callerAs('mlops_engineer').models.create({ name, gatePolicy: POLICY });
    const version = await callerAs('data_scientist').versions.create({ modelId: model.id, runId: run.id, artifactUri: `s3://m/${name}`, artifactSha256: SHA, artifactSize: 10, cardMarkdown: '# card' });
    const gate = await callerAs('platform_engineer').gates.report({ versionId: version.id, evidence: { metrics: { auc: 0.9 }, latencyMs: [10, 20, 30] } });
    expect(gate.passed).toBe(true);
    return { model, version, run };
  }

  it('needs every gate green and the named roles, never the requester, and then moves the alias', async () => {
    const { callerAs, clock } = get();
    const { model, version } = await registered('quorum-a');
    const mlops = callerAs('mlops_engineer');
    const request = await mlops.promotions.request({ versionId: version.id, alias: 'production', justification: 'Better AUC on the same evaluation set.' });
    expect(request.state).toBe('pending');

    await expect(mlops.promotions.decide({ requestId: request.id, decision: 'approve', role: 'mlops_engineer' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('You requested this promotion'),
    });
    await expect(callerAs('product_owner').promotions.decide({ requestId: request.id, decision: 'approve', role: 'product_owner' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('does not ask for a product owner'),
    });
    const afterCompliance = await callerAs('compliance_lead').promotions.decide({ requestId: request.id, decision: 'approve', role: 'compliance_lead', comment: 'ok' });
    expect(afterCompliance.state).toBe('pending');
    const approved = await (await another('mlops_engineer')).promotions.decide({ requestId: request.id, decision: 'approve', role: 'mlops_engineer' });
    expect(approved.state).toBe('approved');
    expect(approved.bundleHash).toMatch(/^[0-9a-f]{64}$/);

    clock.advance(60_000);
    const applied = await mlops.promotions.execute({ requestId: request.id });
    expect(applied.state).toBe('applied');
    const detail = await mlops.models.get({ id: model.id });
    expect(detail.aliases).toMatchObject([{ alias: 'production', version: 1 }]);
    expect(detail.timeline[0]).toMatchObject({ alias: 'production', version: 1, reason: 'promotion', requestId: request.id });
    expect(await mlops.aliases.at({ modelId: model.id, alias: 'production', at: clock.now() - 120_000 })).toMatchObject({ versionId: null });
    expect(await mlops.aliases.at({ modelId: model.id, alias: 'production', at: clock.now() })).toMatchObject({ version: 1 });

    const trail = await callerAs('compliance_lead').audit.list({ entityType: 'promotion', entityId: String(request.id) });
    expect(trail.map((e) => e.action)).toEqual(['promotions.execute', 'promotions.decide', 'promotions.decide', 'promotions.request']);
  });

  it('refuses sign-off on red gates, and resets approvals when the evidence changes', async () => {
    const { callerAs } = get();
    const { version } = await registered('quorum-b');
    const request = await callerAs('mlops_engineer').promotions.request({ versionId: version.id, alias: 'production', justification: 'Ready for production traffic.' });
    await callerAs('compliance_lead').promotions.decide({ requestId: request.id, decision: 'approve', role: 'compliance_lead' });
    const approved = await (await another('mlops_engineer')).promotions.decide({ requestId: request.id, decision: 'approve', role: 'mlops_engineer' });
    expect(approved.state).toBe('approved');

    // New evidence arrives (and fails): the approvals are void and the request says why.
    const gate = await callerAs('platform_engineer').gates.report({ versionId: version.id, evidence: { latencyMs: [80, 90, 120] } });
    expect(gate.passed).toBe(false);
    const reset = await callerAs('compliance_lead').promotions.get({ requestId: request.id });
    expect(reset.state).toBe('pending');
    expect(reset.resetReason).toContain('New gate evidence');
    expect(reset.quorum.met).toBe(false);
    await expect(callerAs('mlops_engineer').promotions.execute({ requestId: request.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(callerAs('compliance_lead').promotions.decide({ requestId: request.id, decision: 'approve', role: 'compliance_lead' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('p95'),
    });

    // A card edit is changed evidence too.
    await callerAs('platform_engineer').gates.report({ versionId: version.id, evidence: { latencyMs: [10, 11, 12] } });
    await callerAs('compliance_lead').promotions.decide({ requestId: request.id, decision: 'approve', role: 'compliance_lead' });
    await callerAs('data_scientist').versions.updateCard({ versionId: version.id, cardMarkdown: '# card, edited' });
    expect((await callerAs('compliance_lead').promotions.get({ requestId: request.id })).resetReason).toContain('model card was edited');

    await expect(callerAs('compliance_lead').promotions.decide({ requestId: request.id, decision: 'reject', role: 'compliance_lead' })).rejects.toMatchObject({
      message: expect.stringContaining('Say why you reject'),
    });
    const rejected = await callerAs('compliance_lead').promotions.decide({ requestId: request.id, decision: 'reject', role: 'compliance_lead', comment: 'Latency story is unclear.' });
    expect(rejected.state).toBe('rejected');
    await expect(callerAs('mlops_engineer').promotions.withdraw({ requestId: request.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('rejected') });
  });

  it('keeps whoever trained the run or registered the version from approving it', async () => {
    const { callerAs } = get();
    const trainer = await another('compliance_lead', ['data_scientist']);
    const { version } = await registered('quorum-c', trainer);
    const request = await callerAs('mlops_engineer').promotions.request({ versionId: version.id, alias: 'staging', justification: 'Staging trial for the new features.' });
    await expect(trainer.promotions.decide({ requestId: request.id, decision: 'approve', role: 'compliance_lead' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('trained'),
    });
  });

  it('rolls back in one step, audits it and opens a review for compliance', async () => {
    const { callerAs, clock } = get();
    const { model, version, run } = await registered('quorum-d');
    const v2 = await callerAs('data_scientist').versions.create({ modelId: model.id, runId: run.id, artifactUri: 's3://m/2', artifactSha256: SHA, artifactSize: 11 });
    await callerAs('platform_engineer').gates.report({ versionId: v2.id, evidence: { metrics: { auc: 0.91 }, latencyMs: [5] } });
    const second = await another('mlops_engineer');
    for (const v of [version, v2]) {
      const r = await callerAs('mlops_engineer').promotions.request({ versionId: v.id, alias: 'production', justification: 'Promote through the quorum.' });
      await callerAs('compliance_lead').promotions.decide({ requestId: r.id, decision: 'approve', role: 'compliance_lead' });
      await second.promotions.decide({ requestId: r.id, decision: 'approve', role: 'mlops_engineer' });
      clock.advance(1_000);
      await callerAs('mlops_engineer').promotions.execute({ requestId: r.id });
    }
    await expect(callerAs('data_scientist').aliases.rollback({ modelId: model.id, alias: 'production', reason: 'Error rate doubled after v2.' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    clock.advance(1_000);
    const review = await callerAs('mlops_engineer').aliases.rollback({ modelId: model.id, alias: 'production', reason: 'Error rate doubled after v2.' });
    expect(review).toMatchObject({ kind: 'rollback', fromVersionId: v2.id, toVersionId: version.id });
    const detail = await callerAs('mlops_engineer').models.get({ id: model.id });
    expect(detail.aliases[0]).toMatchObject({ alias: 'production', version: 1 });
    expect(detail.timeline[0]).toMatchObject({ reason: 'rollback', version: 1 });
    const open = await callerAs('compliance_lead').reviews.list({ open: true });
    expect(open.map((o) => o.review.id)).toContain(review.id);
    await callerAs('compliance_lead').reviews.resolve({ id: review.id, resolution: 'Checked with the on-call: justified.' });
    expect((await callerAs('compliance_lead').reviews.list({ open: true })).map((o) => o.review.id)).not.toContain(review.id);
  });

  it('answers lineage both ways: which aliases a dataset feeds, and what made a version', async () => {
    const { callerAs } = get();
    const { version, run } = await registered('quorum-e');
    const r = await callerAs('mlops_engineer').promotions.request({ versionId: version.id, alias: 'production', justification: 'First production version.' });
    await callerAs('compliance_lead').promotions.decide({ requestId: r.id, decision: 'approve', role: 'compliance_lead' });
    await (await another('mlops_engineer')).promotions.decide({ requestId: r.id, decision: 'approve', role: 'mlops_engineer' });
    await callerAs('mlops_engineer').promotions.execute({ requestId: r.id });
    const fromVersion = await callerAs('data_engineer').lineage.graph({ versionId: version.id });
    const datasetNode = fromVersion.nodes.find((n) => n.kind === 'dataset')!;
    expect(datasetNode.label).toBe('train-quorum-e');
    expect(fromVersion.edges).toContainEqual({ from: `run:${run.id}`, to: `version:${version.id}`, label: 'registered' });
    const fromDataset = await callerAs('data_engineer').lineage.graph({ datasetId: Number(datasetNode.id.split(':')[1]) });
    expect(fromDataset.servedBy).toEqual([{ model: 'quorum-e', modelId: version.modelId, alias: 'production', version: 1 }]);
  });

  it('validates gate policies and registration input', async () => {
    const { callerAs } = get();
    await expect(callerAs('mlops_engineer').models.create({ name: 'bad-policy', gatePolicy: { checks: [{ kind: 'latency', id: 'x', percentile: 120, maxMs: 5 }], approvals: [] } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('gate policy is not valid'),
    });
    const exp = await callerAs('data_scientist').experiments.create({ name: 'unfinished' });
    const run = await callerAs('data_scientist').runs.create({ experimentId: exp.id });
    const model = await callerAs('mlops_engineer').models.create({ name: 'needs-finished-runs' });
    await expect(callerAs('data_scientist').versions.create({ modelId: model.id, runId: run.id, artifactUri: 's3://x', artifactSha256: SHA, artifactSize: 1 })).rejects.toMatchObject({
      message: expect.stringContaining('register versions from finished runs'),
    });
  });
});
