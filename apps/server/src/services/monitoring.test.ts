// Monitoring end to end through the API: windows computed against the training data,
// ground truth joined later, alert rules firing and resolving, and signed retraining
// webhooks delivered to a real receiver on loopback, with retries and a cool-down.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { percentile, RETRAIN_ALERT_TAG, webhookVerify } from '@quorum/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test/harness';
import { systemContext } from './context';
import { webhooksDeliverDue } from './webhooks';

const HOUR = 3_600_000;
const hmac = (key: Uint8Array, data: string) => createHmac('sha256', key).update(data).digest('base64');

/** A CI endpoint on loopback: records every request and answers with the next queued status (200 when none). */
function receiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const answers: number[] = [];
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json' }).end('{"queued":true}');
      });
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/retrain`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return { received, answers, url: () => url };
}

/** Deterministic pseudo-random numbers, so windows drift or not by construction. */
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}
const normal = (n: number, mean: number, seed: number) => {
  const r = lcg(seed);
  return Array.from({ length: n }, () => mean + (r() + r() + r() - 1.5) * 20);
};

describeEachEngine('production monitoring', (get) => {
  const ci = receiver();

  /** A model whose v1 was trained on `amount` ~ 100 and `country` in DE/FR. */
  async function deployed(name: string) {
    const { caller, callerAs } = get();
    const exp = await caller.experiments.create({ name: `exp-${name}` });
    const run = await caller.runs.create({ experimentId: exp.id, name: `train-${name}` });
    const profile = { columns: [{ name: 'amount', values: normal(800, 100, 1) }, { name: 'country', values: Array.from({ length: 800 }, (_, i) => (i % 3 === 0 ? 'FR' : 'DE')) }] };
    await caller.runs.logBatch({ runId: run.id, inputs: [{ name: `train-${name}`, digest: 'd1', context: 'train', profile }] });
    await caller.runs.update({ runId: run.id, status: 'FINISHED' });
    const model = await callerAs('mlops_engineer').models.create({ name });
    const version = await caller.versions.create({ modelId: model.id, runId: run.id, artifactUri: `s3://m/${name}`, artifactSha256: 'a'.repeat(64), artifactSize: 1 });
    return { model, version, run };
  }

  let windowAt = 0;
  /** The next hourly window's traffic: `amount` around `mean` (100 is the training distribution). */
  function traffic(model: string, mean: number, options: { ids?: string[]; predictions?: number[] } = {}) {
    windowAt = windowAt === 0 ? get().clock.now() - 100 * HOUR : windowAt + HOUR;
    const n = 400;
    return {
      model,
      version: 1,
      windowStart: windowAt,
      windowEnd: windowAt + HOUR,
      latency: { samplesMs: normal(n, 40, windowAt % 997) },
      predictions: { values: options.predictions ?? Array.from({ length: n }, (_, i) => i % 2), ...(options.ids && { ids: options.ids }) },
      features: { amount: normal(n, mean, (windowAt / HOUR) % 1_000), country: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'FR' : 'DE')), extra: [1, 2, 3] },
    };
  }

  it('computes a window against the training data and refuses bad or repeated windows', async () => {
    const { callerAs } = get();
    await deployed('mon-window');
    const ops = callerAs('platform_engineer');
    const input = traffic('mon-window', 100, { ids: Array.from({ length: 400 }, (_, i) => `w1-${i}`) });
    const res = await ops.monitoring.ingest(input);
    expect(res.window.predictionCount).toBe(400);
    expect(res.window.latencyP95).toBeCloseTo(percentile(input.latency.samplesMs, 95), 12);
    expect(res.window.latencyMethod).toBe('samples');
    const drift = res.window.drift as { columns: { name: string; drifted: boolean }[] };
    expect(drift.columns.map((c) => c.name).sort()).toEqual(['amount', 'country']);
    expect(drift.columns.every((c) => !c.drifted)).toBe(true);
    expect(res.unmatched).toEqual([expect.objectContaining({ name: 'extra', reason: 'not_in_reference' })]);

    // Aggregates instead of samples: latency buckets, a score histogram, feature histograms and class counts.
    const aggregated = await ops.monitoring.ingest({
      ...traffic('mon-window', 100),
      latency: { buckets: [{ le: 10, count: 50 }, { le: 50, count: 350 }, { le: null, count: 400 }] },
      predictions: { histogram: { edges: [0, 0.5, 1], counts: [300, 100] } },
      features: { amount: { histogram: { edges: [40, 80, 120, 160], counts: [100, 200, 100] } }, country: { counts: { DE: 260, FR: 140 } } },
    });
    expect(aggregated.window).toMatchObject({ predictionCount: 400, latencyMethod: 'histogram', latencyCount: 400 });
    expect(aggregated.window.latencyP50).toBeCloseTo(10 + (40 * (200 - 50)) / 300, 12); // Prometheus histogram_quantile
    expect(aggregated.window.predictionSummary).toMatchObject({ kind: 'numerical', count: 400, mean: 0.375 });
    expect((aggregated.window.drift as { columns: { name: string; source: string }[] }).columns.map((c) => [c.name, c.source]).sort()).toEqual([
      ['amount', 'histogram'],
      ['country', 'counts'],
    ]);
    await expect(ops.monitoring.ingest({ ...traffic('mon-window', 100), predictions: { values: [1], counts: { a: 1 } } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('one of them') });

    await expect(ops.monitoring.ingest({ ...traffic('mon-window', 100), predictions: { values: 'x' as never, ids: 5 as never } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Expected a list') });

    await expect(ops.monitoring.ingest(input)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('windows are recorded once') });
    const reused = { ...traffic('mon-window', 100), predictions: { values: [1], ids: ['w1-0'] } };
    await expect(ops.monitoring.ingest(reused)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('"w1-0" was recorded before') });
    await expect(ops.monitoring.ingest({ ...traffic('mon-window', 100), version: undefined })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('give alias') });
    await expect(ops.monitoring.ingest({ ...traffic('mon-window', 100), model: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ops.monitoring.ingest({ ...traffic('mon-window', 100), version: undefined, alias: 'production' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('points at no version') });
    await expect(ops.monitoring.ingest({ ...traffic('mon-window', 100), features: { amount: [1, { x: 1 }] as never } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('is not one of the feature values') });
    await expect(ops.monitoring.ingest({ ...traffic('mon-window', 100), latency: { samplesMs: [3, -1] } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('latencies') });
    await expect(callerAs('product_owner').monitoring.ingest(traffic('mon-window', 100))).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Ground truth arrives a day later: accuracy for that window.
    const labels = Array.from({ length: 400 }, (_, i) => ({ id: `w1-${i}`, actual: i < 300 ? i % 2 : 1 - (i % 2) }));
    const joined = await callerAs('data_engineer').monitoring.labels({ model: 'mon-window', labels: [...labels, { id: 'unknown', actual: 1 }] });
    expect(joined).toMatchObject({ sent: 401, matched: 400, unmatched: 1, windows: 1 });
    const page = await callerAs('mlops_engineer').monitoring.model({ modelId: res.window.modelId, days: 30 });
    expect(page.windows[0]!.evaluation).toMatchObject({ accuracy: 0.75, labelledCount: 400 });
  });

  it('opens an alert after consecutive breaches, sends one signed trigger, resolves on recovery, and cools down', async () => {
    const { callerAs, clock, handle } = get();
    const { model } = await deployed('mon-drift');
    const mlops = callerAs('mlops_engineer');
    const created = await mlops.monitoring.createRule({
      modelId: model.id,
      name: 'amount drift',
      rule: { metric: 'drifted_share', comparison: '>=', threshold: 0.5, consecutive: 2 },
      webhookUrl: ci.url(),
      cooldownMinutes: 24 * 60,
    });
    expect(created.webhookSecret).toMatch(/^whsec_/);
    expect(created.rule).not.toHaveProperty('webhookSecret');
    const ops = callerAs('platform_engineer');
    const system = systemContext(handle.db, clock, 'test');

    expect((await ops.monitoring.ingest(traffic('mon-drift', 100))).alerts).toEqual([]);
    expect((await ops.monitoring.ingest(traffic('mon-drift', 160))).alerts).toEqual([]); // one breach: not yet
    const fired = await ops.monitoring.ingest(traffic('mon-drift', 160));
    expect(fired.alerts).toEqual([expect.objectContaining({ effect: 'open', deliveryId: expect.any(Number) })]);

    // The CI endpoint fails once (retried after 5 s), then takes it.
    ci.answers.push(503);
    expect(await webhooksDeliverDue(system)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(await webhooksDeliverDue(system)).toEqual({ delivered: 0, retrying: 0, failed: 0 }); // not due yet
    clock.advance(5_000);
    expect(await webhooksDeliverDue(system)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(ci.received).toHaveLength(2);
    const last = ci.received[1]!;
    const verified = webhookVerify(last.headers as Record<string, string>, last.body, created.webhookSecret!, Math.floor(clock.now() / 1000), hmac);
    expect(verified).toMatchObject({ ok: true });
    expect(ci.received[0]!.headers['webhook-id']).toBe(last.headers['webhook-id']); // same message id across retries
    const payload = JSON.parse(last.body) as { type: string; data: { reason: string; runTags: Record<string, string>; alert: { id: number } } };
    expect(payload.type).toBe('quorum.retrain.requested');
    expect(payload.data.reason).toMatch(/^share of drifted features crossed 50% for 2 windows in a row/);
    expect(payload.data.runTags).toEqual({ 'quorum.retrain.alert': String(payload.data.alert.id) });
    // A tampered body does not verify.
    expect(webhookVerify(last.headers as Record<string, string>, last.body.replace('drift', 'drfit'), created.webhookSecret!, Math.floor(clock.now() / 1000), hmac)).toMatchObject({ ok: false });

    let page = await mlops.monitoring.model({ modelId: model.id, days: 30 });
    expect(page.alerts[0]).toMatchObject({ state: 'open' });
    expect(page.deliveries[0]).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 200 });
    expect(page.deliveries[0]!.attemptsLog.map((a) => a.status)).toEqual([503, 200]);

    await mlops.monitoring.acknowledge({ alertId: page.alerts[0]!.id });
    await expect(mlops.monitoring.acknowledge({ alertId: page.alerts[0]!.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await ops.monitoring.ingest(traffic('mon-drift', 100))).alerts).toEqual([expect.objectContaining({ effect: 'resolve' })]);

    // A second episode inside the cool-down opens an alert but sends nothing.
    await ops.monitoring.ingest(traffic('mon-drift', 160));
    const again = await ops.monitoring.ingest(traffic('mon-drift', 160));
    expect(again.alerts).toEqual([expect.objectContaining({ effect: 'open', deliveryId: null })]);
    page = await mlops.monitoring.model({ modelId: model.id, days: 30 });
    expect(page.alerts[0]!.events.map((e) => e.kind)).toEqual(['opened', 'suppressed']);
    expect(page.alerts[1]!.events.map((e) => e.kind)).toEqual(['opened', 'triggered', 'acknowledged', 'resolved']);
    expect(page.deliveries).toHaveLength(1);

    // After the cool-down, the next episode triggers again.
    await ops.monitoring.ingest(traffic('mon-drift', 100));
    clock.advance(25 * HOUR);
    await ops.monitoring.ingest(traffic('mon-drift', 160));
    expect((await ops.monitoring.ingest(traffic('mon-drift', 160))).alerts).toEqual([expect.objectContaining({ effect: 'open', deliveryId: expect.any(Number) })]);
    expect(await webhooksDeliverDue(system)).toEqual({ delivered: 1, retrying: 0, failed: 0 });

    const trail = await callerAs('compliance_lead').audit.list({ limit: 500 });
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['monitoring.createRule', 'alerts.open', 'alerts.resolve', 'webhooks.delivered', 'monitoring.acknowledge']));
  });

  it('gives up on a receiver that refuses, and fires accuracy rules when labels arrive', async () => {
    const { callerAs, clock, handle } = get();
    const { model } = await deployed('mon-accuracy');
    const mlops = callerAs('mlops_engineer');
    await mlops.monitoring.createRule({ modelId: model.id, name: 'accuracy floor', rule: { metric: 'accuracy', comparison: '<', threshold: 0.8, consecutive: 1 }, webhookUrl: ci.url() });
    await expect(mlops.monitoring.createRule({ modelId: model.id, name: 'bad', rule: { metric: 'accuracy', comparison: '~', threshold: 0.8, consecutive: 1 } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('comparison'),
    });
    await expect(mlops.monitoring.createRule({ modelId: model.id, name: 'weak secret', rule: { metric: 'accuracy', comparison: '<', threshold: 0.8, consecutive: 1 }, webhookUrl: ci.url(), webhookSecret: 'whsec_c2hvcnRzaG9ydHNo' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const ops = callerAs('platform_engineer');
    const ids = Array.from({ length: 400 }, (_, i) => `acc-${i}`);
    const ingested = await ops.monitoring.ingest(traffic('mon-accuracy', 100, { ids }));
    expect(ingested.alerts).toEqual([]); // no labels yet: accuracy unknown
    const res = await ops.monitoring.labels({ model: 'mon-accuracy', labels: ids.map((id, i) => ({ id, actual: i < 200 ? i % 2 : 1 - (i % 2) })) });
    expect(res.alerts).toEqual([expect.objectContaining({ effect: 'open', deliveryId: expect.any(Number) })]);

    ci.answers.push(400);
    const before = ci.received.length;
    expect(await webhooksDeliverDue(systemContext(handle.db, clock, 'test'))).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    expect(ci.received).toHaveLength(before + 1);
    const page = await mlops.monitoring.model({ modelId: model.id, days: 30 });
    expect(page.deliveries[0]).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 400, lastError: 'The receiver answered 400' });

    // Once the receiver is fixed, the MLOps engineer sends the same message again.
    const failed = page.deliveries[0]!;
    await expect(callerAs('product_owner').monitoring.retryDelivery({ deliveryId: failed.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await mlops.monitoring.retryDelivery({ deliveryId: failed.id });
    await expect(mlops.monitoring.retryDelivery({ deliveryId: failed.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('pending') });
    expect(await webhooksDeliverDue(systemContext(handle.db, clock, 'test'))).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(ci.received.at(-1)!.headers['webhook-id']).toBe(failed.messageId);
    const after = await mlops.monitoring.model({ modelId: model.id, days: 30 });
    expect(after.deliveries[0]).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 200 });
  });

  it('shows in lineage the alert that asked for a retrained run', async () => {
    const { caller, callerAs } = get();
    const { model, run: original } = await deployed('mon-retrain');
    await callerAs('mlops_engineer').monitoring.createRule({ modelId: model.id, name: 'drift', rule: { metric: 'drifted_share', comparison: '>=', threshold: 0.5, consecutive: 1 } });
    const fired = await callerAs('platform_engineer').monitoring.ingest(traffic('mon-retrain', 160));
    const alertId = fired.alerts[0]!.alertId;
    const { alerts } = await callerAs('mlops_engineer').monitoring.model({ modelId: model.id, days: 30 });

    // The retraining job tags its run with the alert id the trigger carried.
    const exp = await caller.experiments.create({ name: 'exp-mon-retrain-2' });
    const retrained = await caller.runs.create({ experimentId: exp.id, name: 'retrained', tags: [{ key: RETRAIN_ALERT_TAG, value: String(alertId) }] });
    await caller.runs.logBatch({ runId: retrained.id, inputs: [{ name: 'train-mon-retrain', digest: 'd1', context: 'train' }] });
    await caller.runs.update({ runId: retrained.id, status: 'FINISHED' });
    const v2 = await caller.versions.create({ modelId: model.id, runId: retrained.id, artifactUri: 's3://m/retrained', artifactSha256: 'b'.repeat(64), artifactSize: 1 });

    const graph = await callerAs('compliance_lead').lineage.graph({ versionId: v2.id });
    expect(graph.nodes).toContainEqual({ id: `alert:${alertId}`, kind: 'alert', label: `Alert #${alertId}`, detail: alerts[0]!.reason, href: `/monitoring/${model.id}` });
    expect(alerts[0]!.reason).toMatch(/^share of drifted features crossed 50%/);
    expect(graph.edges).toContainEqual({ from: `alert:${alertId}`, to: `run:${retrained.id}`, label: 'retrain' });

    // From the dataset both runs show, and only the retrained one has an alert.
    const dataset = graph.nodes.find((n) => n.kind === 'dataset')!;
    const fromDataset = await callerAs('data_engineer').lineage.graph({ datasetId: Number(dataset.id.split(':')[1]) });
    expect(fromDataset.nodes.filter((n) => n.kind === 'run').map((n) => n.id).sort()).toEqual([`run:${original.id}`, `run:${retrained.id}`].sort());
    expect(fromDataset.edges.filter((e) => e.from.startsWith('alert:'))).toEqual([{ from: `alert:${alertId}`, to: `run:${retrained.id}`, label: 'retrain' }]);

    // A tag that names no alert adds nothing.
    const stray = await caller.runs.create({ experimentId: exp.id, name: 'stray', tags: [{ key: RETRAIN_ALERT_TAG, value: 'not-an-alert' }] });
    expect((await caller.lineage.graph({ runId: stray.id })).nodes.map((n) => n.kind)).toEqual(['run']);
  });
});
