// The demo workspace as start-up seeds it, read back through the API: versions come from
// runs that finished before them, sixty days of production windows agree with the alias
// history, one drift alert sent one retraining trigger that came back as fraud-detector v3,
// and the product owner's KPIs move with the promotions.
import { beforeAll, expect, it } from 'vitest';
import { bootstrapDemoUsers, demoActor } from '../bootstrap';
import { RETRAIN_ALERT_TAG } from '@quorum/domain';
import { describeEachEngine } from '../test/harness';
import { DEMO_KPI_DAYS, demoKpis } from './kpis';
import { DEMO_LABEL_DELAY_DAYS, DEMO_MONITOR_DAYS, demoProduction, type DemoProduction } from './production';
import { DEMO_ROLLBACK, demoRegistry, type DemoRegistry } from './registry';
import { demoSeed } from './seed';

const DAY = 86_400_000;

describeEachEngine('demo workspace', (get) => {
  let registry: DemoRegistry;
  let production: DemoProduction;

  beforeAll(async () => {
    const { handle, clock } = get();
    const people = await bootstrapDemoUsers(handle.db, clock);
    const actors = new Map([...people].map(([h, user]) => [h, demoActor(user)]));
    await demoSeed({ db: handle.db, clock, actor: null }, actors);
    registry = await demoRegistry(handle.db, clock, actors);
    production = await demoProduction(handle.db, clock, actors, registry);
    await demoKpis(handle.db, clock, actors, registry);
  }, 600_000);

  const modelId = (name: string) => registry.models[name]!.modelId;

  it('registers every version from a run that finished before it', async () => {
    const { caller } = get();
    for (const name of Object.keys(registry.models)) {
      const model = await caller.models.get({ id: modelId(name) });
      for (const version of model.versions) {
        const run = await caller.runs.get({ runId: version.sourceRunId! });
        expect(run.status).toBe('FINISHED');
        expect(run.endTime!).toBeLessThan(version.createdAt);
      }
    }
  });

  it('keeps the requests the browser tests and the compliance home rely on', async () => {
    const { caller } = get();
    const pending = await caller.promotions.get({ requestId: registry.pendingRequestId });
    expect(pending).toMatchObject({ modelName: 'churn-classifier', state: 'pending', alias: 'production' });
    const demand = await caller.models.get({ id: modelId('demand-forecaster') });
    expect(demand.versions.map((v) => v.version).sort()).toEqual([1, 2]);
    expect(demand.requests.map((r) => r.version)).toEqual([1]);
  });

  it('rolls fraud-detector v2 back to v1 and opens a review for the compliance lead', async () => {
    const { now } = get().clock;
    const { callerAs } = get();
    const model = await callerAs('compliance_lead').models.get({ id: modelId('fraud-detector') });
    const production = model.timeline.filter((m) => m.alias === 'production').reverse();
    expect(production.map((m) => [m.reason, m.version])).toEqual([
      ['promotion', 1],
      ['promotion', 2],
      ['rollback', 1],
    ]);
    expect(Math.round((now() - production[2]!.movedAt) / DAY)).toBe(Math.round(DEMO_ROLLBACK.daysAgo));
    const reviews = await callerAs('compliance_lead').reviews.list({ open: true });
    expect(reviews).toContainEqual(expect.objectContaining({ modelName: 'fraud-detector', review: expect.objectContaining({ kind: 'rollback', reason: DEMO_ROLLBACK.reason }) }));
    // After the rollback v2's re-evaluation fails fairness, so it cannot simply go back.
    const v2 = model.versions.find((v) => v.version === 2)!;
    expect(v2.gate?.passed).toBe(false);
  });

  it('has one daily window per production alias for 60 days, served by the version the alias pointed at', async () => {
    const { callerAs, clock } = get();
    const today = Math.floor(clock.now() / DAY) * DAY;
    for (const name of Object.keys(registry.models)) {
      const page = await callerAs('mlops_engineer').monitoring.model({ modelId: modelId(name), days: DEMO_MONITOR_DAYS + 5 });
      const windows = page.windows.filter((w) => w.alias === 'production');
      expect(windows.map((w) => w.windowStart)).toEqual(Array.from({ length: DEMO_MONITOR_DAYS }, (_, i) => today - (DEMO_MONITOR_DAYS - i) * DAY));
      expect(windows.every((w) => w.windowEnd - w.windowStart === DAY && w.predictionCount >= 1_000 && w.latencyP99! > w.latencyP50!)).toBe(true);
      const served = await callerAs('mlops_engineer').aliases.history({ modelId: modelId(name), alias: 'production' });
      for (const w of windows) expect(w.version).toBe(served.find((m) => m.movedAt <= w.windowStart)!.version);
      // Ground truth arrives two days late: every window but the last two is evaluated.
      const evaluated = windows.map((w) => w.evaluation !== null);
      expect(evaluated).toEqual(windows.map((_, i) => i < DEMO_MONITOR_DAYS - DEMO_LABEL_DELAY_DAYS));
    }
    const fraud = await callerAs('mlops_engineer').monitoring.model({ modelId: modelId('fraud-detector'), days: DEMO_MONITOR_DAYS + 5 });
    const versions = fraud.windows.map((w) => w.version);
    expect(versions.filter((v) => v === 2)).toHaveLength(3);
    const precision = (v: number) => mean(fraud.windows.filter((w) => w.version === v && w.evaluation).map((w) => (w.evaluation as { precision: number }).precision));
    expect(precision(2)).toBeLessThan(precision(1) - 0.15);
  });

  it('fires one drift alert whose signed trigger reached the receiver, and resolves it when the drift subsides', async () => {
    const { callerAs } = get();
    const mlops = callerAs('mlops_engineer');
    for (const name of ['churn-classifier', 'demand-forecaster']) {
      expect((await mlops.monitoring.model({ modelId: modelId(name), days: 90 })).alerts).toEqual([]);
    }
    const page = await mlops.monitoring.model({ modelId: modelId('fraud-detector'), days: 90 });
    expect(page.alerts).toHaveLength(1);
    const alert = page.alerts[0]!;
    expect(alert).toMatchObject({ id: production.alertId, state: 'resolved', version: 1 });
    expect(alert.reason).toMatch(/^drift on `amount` crossed 0\.2 for 2 windows in a row/);
    expect(alert.events.map((e) => e.kind)).toEqual(['opened', 'triggered', 'acknowledged', 'resolved']);
    const rule = page.rules.find((r) => r.id === alert.ruleId)!;
    expect(rule).toMatchObject({ cooldownMs: DAY, hasSecret: true, status: 'ok' });
    expect(page.deliveries).toHaveLength(1);
    expect(page.deliveries[0]).toMatchObject({ alertId: alert.id, state: 'delivered', attempts: 1, lastStatus: 202 });
    expect(page.deliveries[0]!.attemptsLog.map((a) => a.status)).toEqual([202]);
    expect((await mlops.monitoring.alerts()).length).toBe(0);
  });

  it('brings the retrained run back as fraud-detector v3, linked to the alert in lineage', async () => {
    const { caller } = get();
    const run = await caller.runs.get({ runId: production.retrainRunId });
    expect(run).toMatchObject({ status: 'FINISHED', experimentName: 'fraud-detector' });
    expect(run.tags[RETRAIN_ALERT_TAG]).toBe(String(production.alertId));
    expect(run.metrics.val_pr_auc!.value).toBeGreaterThan(0.8);
    const page = await caller.monitoring.model({ modelId: modelId('fraud-detector'), days: 90 });
    expect(run.startTime).toBeGreaterThan(page.alerts[0]!.openedAt);

    const version = await caller.versions.get({ versionId: production.retrainVersionId });
    expect(version.version).toBe(3);
    const model = await caller.models.get({ id: modelId('fraud-detector') });
    expect(model.requests.filter((r) => r.version === 3)).toEqual([]);
    const graph = await caller.lineage.graph({ versionId: production.retrainVersionId });
    expect(graph.nodes).toContainEqual(expect.objectContaining({ id: `alert:${production.alertId}`, kind: 'alert', detail: page.alerts[0]!.reason }));
    expect(graph.edges).toContainEqual({ from: `alert:${production.alertId}`, to: `run:${run.id}`, label: 'retrain' });
  });

  it('gives the product owner KPIs that move with the promotions, and evidence on the pending request', async () => {
    const { callerAs } = get();
    const po = callerAs('product_owner');
    const board = await po.kpis.board();
    expect(board).toHaveLength(4);
    for (const kpi of board) {
      expect(kpi.ownerName).toBe('Paul Meyer');
      expect(kpi.observations).toHaveLength(DEMO_KPI_DAYS);
      expect(kpi.annotations.some((a) => a.kind === 'promotion')).toBe(true);
    }
    const byName = new Map(board.map((k) => [k.name, k]));
    const moves = (name: string) => byName.get(name)!.annotations.filter((a) => a.kind !== 'alert').map((a) => a.at);
    const between = (name: string, from: number, to: number) => mean(byName.get(name)!.observations.filter((o) => o.at >= from && o.at < to).map((o) => o.value));
    const [churnV1, churnV2] = moves('Monthly churn rate');
    expect(between('Monthly churn rate', churnV2! + 14 * DAY, Infinity)).toBeLessThan(between('Monthly churn rate', churnV1! + 14 * DAY, churnV2!) - 0.25);
    const [, fraudV2, rollback] = moves('Fraud losses');
    const during = between('Fraud losses', fraudV2! + DAY, rollback! + DAY);
    expect(during).toBeGreaterThan(1.25 * between('Fraud losses', rollback! + 2 * DAY, rollback! + 6 * DAY));
    expect(during).toBeGreaterThan(1.25 * between('Fraud losses', fraudV2! - 10 * DAY, fraudV2!));

    const churn = await po.kpis.get({ id: byName.get('Monthly churn rate')!.id });
    expect(churn.observations.every((o) => o.source === 'demo')).toBe(true);
    expect(churn.comments).toContainEqual(expect.objectContaining({ promotionRequestId: registry.pendingRequestId, authorName: 'Paul Meyer' }));
    const evidence = await callerAs('compliance_lead').promotions.get({ requestId: registry.pendingRequestId });
    expect(evidence.kpiComments).toHaveLength(1);
  });
});

function mean(values: number[]): number {
  expect(values.length).toBeGreaterThan(0);
  return values.reduce((a, b) => a + b, 0) / values.length;
}
