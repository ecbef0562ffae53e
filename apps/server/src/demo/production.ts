// The demo's last 60 days in production, replayed day by day through the monitoring verbs:
// one window per production alias per day (sent just after midnight), ground truth two days
// later, alert rules set up by the MLOps engineer, and a drift episode on fraud-detector's
// `amount` that fires a rule, sends a signed retraining trigger to a CI stand-in on loopback,
// and comes back as a retrained run registered as fraud-detector v3.
import { aliasHistoryOf, versionFind, type Database, type VersionRow } from '@quorum/db';
import type { Actor } from '../auth/actor';
import { alertAcknowledge, alertRuleCreate } from '../services/alerts';
import type { Clock, ServiceContext } from '../services/context';
import { monitorIngest, monitorLabels, referenceOf } from '../services/monitoring';
import { webhooksDeliverDue } from '../services/webhooks';
import { seededRandom } from './random';
import { demoReceiverStart } from './receiver';
import type { DemoRegistry } from './registry';
import { demoRetrainRegister, demoRetrainRun } from './retrain';
import { binaryOutcome, dayTraffic, type DayConditions, type TrafficModel } from './traffic';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Days of production history, and how many days ground truth takes to arrive. */
export const DEMO_MONITOR_DAYS = 60;
export const DEMO_LABEL_DELAY_DAYS = 2;

/** The drift episode: fraud-detector's transaction amounts grow, by day before today, then settle. */
export const DEMO_AMOUNT_SHIFT: Record<number, number> = { 12: 1.5, 11: 1.8, 10: 1.85, 9: 1.7, 8: 1.1 };

const TRAFFIC: TrafficModel[] = [
  {
    model: 'churn-classifier',
    idPrefix: 'cc',
    labelColumn: 'churned',
    volume: { weekday: 3_100, weekend: 2_300 },
    labelled: 100,
    featureSample: 1_000,
    latencySamples: 600,
    latency: () => ({ medianMs: 21, sigma: 0.33 }),
    // v2 catches more churners with fewer false alarms than v1.
    outcome: (rng, v) => (v >= 2 ? binaryOutcome(rng, 0.18, 0.63, 0.06) : binaryOutcome(rng, 0.18, 0.55, 0.08)),
  },
  {
    model: 'fraud-detector',
    idPrefix: 'fd',
    labelColumn: 'is_fraud',
    volume: { weekday: 7_400, weekend: 9_100 },
    labelled: 350,
    featureSample: 1_000,
    latencySamples: 600,
    // v2 is a larger network: slower, and in production less precise than its evaluation promised.
    latency: (v) => (v === 2 ? { medianMs: 16, sigma: 0.45 } : { medianMs: 11, sigma: 0.35 }),
    outcome: (rng, v, day) =>
      v === 2 ? binaryOutcome(rng, 0.03, 0.7, 0.045) : binaryOutcome(rng, 0.03, 0.78 - 0.1 * day.degradation, 0.012 + 0.01 * day.degradation),
  },
  {
    model: 'demand-forecaster',
    idPrefix: 'df',
    labelColumn: 'units',
    volume: { weekday: 5_760, weekend: 5_760 },
    labelled: 60,
    featureSample: 1_000,
    latencySamples: 400,
    latency: () => ({ medianMs: 85, sigma: 0.25 }),
    outcome: (rng) => {
      const actual = Math.max(0, Math.round(20 + 8 * rng.normal()));
      return { actual, predicted: Math.max(0, Math.round(10 * (actual + 4.2 * rng.normal())) / 10) };
    },
  },
];

/** The MLOps engineer's rules, created that many days ago; only the drift rule has a webhook. */
const RULES = [
  { model: 'churn-classifier', daysAgo: 56, name: 'Accuracy floor', rule: { metric: 'accuracy', comparison: '<', threshold: 0.75, consecutive: 3 }, webhook: false },
  { model: 'churn-classifier', daysAgo: 56, name: 'p99 latency budget', rule: { metric: 'latency_p99', comparison: '>', threshold: 80, consecutive: 3 }, webhook: false },
  { model: 'fraud-detector', daysAgo: 45, name: 'Amount drift: retrain', rule: { metric: 'feature_drift', feature: 'amount', comparison: '>=', threshold: 0.2, consecutive: 2 }, webhook: true },
];

/** The drift episode's effect on a model's day: fraud-detector sees larger amounts, and misses more fraud among them. */
function dayConditions(model: string, daysAgo: number): DayConditions {
  const shift = model === 'fraud-detector' ? (DEMO_AMOUNT_SHIFT[daysAgo] ?? 1) : 1;
  return { shift: { amount: shift }, degradation: Math.min(1, (shift - 1) / 0.8) };
}

export interface DemoProduction {
  windows: number;
  labels: number;
  alertId: number;
  retrainRunId: string;
  retrainVersionId: number;
}

export async function demoProduction(db: Database, clock: Clock, people: Map<string, Actor>, registry: DemoRegistry): Promise<DemoProduction> {
  const rng = seededRandom(60_2026);
  const now = clock.now();
  const today = Math.floor(now / DAY) * DAY;
  // Every step runs with its own simulated time; the receiver checks signatures against it.
  let simulated = now;
  const as = (handle: string, at: number): ServiceContext => ({ db, clock: { now: () => at }, actor: people.get(handle) ?? null });
  const receiver = await demoReceiverStart(() => simulated);
  const stats: DemoProduction = { windows: 0, labels: 0, alertId: 0, retrainRunId: '', retrainVersionId: 0 };

  const queue: { at: number; step: () => Promise<void> }[] = [];
  const schedule = (at: number, step: () => Promise<void>) => queue.push({ at: Math.min(at, now), step });

  // What served each day: the alias history the registry wrote, and each version's training data.
  const served = new Map<string, { movedAt: number; versionId: number; version: number }[]>();
  for (const m of TRAFFIC) {
    const moves = await aliasHistoryOf(db, registry.models[m.model]!.modelId, 'production');
    served.set(m.model, moves.filter((x) => x.versionId !== null).map((x) => ({ movedAt: x.movedAt, versionId: x.versionId!, version: x.version! })));
  }
  const servingAt = (model: string, t: number) => served.get(model)!.find((x) => x.movedAt <= t)!;
  // The drift reference of each served version: its training data, as monitoring reads it.
  const versions = new Map<number, VersionRow>();
  const trainingOf = async (versionId: number) => {
    if (!versions.has(versionId)) versions.set(versionId, (await versionFind(db, versionId))!);
    return referenceOf(db, versions.get(versionId)!);
  };

  for (const r of RULES) {
    schedule(now - r.daysAgo * DAY, async () => {
      const created = await alertRuleCreate(as('marco.rossi', now - r.daysAgo * DAY), {
        modelId: registry.models[r.model]!.modelId,
        alias: 'production',
        name: r.name,
        rule: r.rule,
        webhookUrl: r.webhook ? receiver.url : null,
        cooldownMinutes: 24 * 60,
      });
      if (created.webhookSecret) receiver.useSecret(created.webhookSecret);
    });
  }

  // Ground truth held back until it "arrives", by window.
  const truth = new Map<string, { id: string; actual: number }[]>();
  for (let k = DEMO_MONITOR_DAYS; k >= 1; k--) {
    const start = today - k * DAY;
    const sentAt = start + DAY + 10 * MINUTE;
    schedule(sentAt, async () => {
      for (const m of TRAFFIC) {
        const serving = servingAt(m.model, start);
        const traffic = dayTraffic(rng, m, serving.version, start, await trainingOf(serving.versionId), dayConditions(m.model, k));
        const result = await monitorIngest(as('priya.nair', sentAt), {
          model: m.model,
          alias: 'production',
          windowStart: start,
          windowEnd: start + DAY,
          latency: { samplesMs: traffic.latencyMs },
          predictions: { values: traffic.predicted, ids: traffic.ids, count: traffic.predictionCount },
          features: traffic.features,
        });
        stats.windows++;
        truth.set(`${m.model}:${k}`, traffic.ids.map((id, i) => ({ id, actual: traffic.actual[i]! })));
        for (const change of result.alerts) {
          if (change.effect === 'open' && change.deliveryId !== null) retrainingAfter(change.alertId, simulated);
        }
      }
    });
    // Labels for the window two days earlier arrive after this day's window.
    const labelled = k + DEMO_LABEL_DELAY_DAYS;
    if (labelled <= DEMO_MONITOR_DAYS) {
      schedule(sentAt + 20 * MINUTE, async () => {
        for (const m of TRAFFIC) {
          const labels = truth.get(`${m.model}:${labelled}`)!;
          await monitorLabels(as('dara.okoye', simulated), { model: m.model, labels });
          truth.delete(`${m.model}:${labelled}`);
          stats.labels += labels.length;
        }
      });
    }
  }

  /** The trigger reaches CI a minute later; the on-call acknowledges in the morning; CI retrains; a data scientist registers the result. */
  function retrainingAfter(alertId: number, openedAt: number) {
    stats.alertId = alertId;
    schedule(openedAt + MINUTE, async () => {
      const outcome = await webhooksDeliverDue({ db, clock: { now: () => simulated }, actor: null, system: 'webhooks' });
      if (outcome.delivered !== 1) throw new Error(`The demo's retraining receiver did not take the trigger of alert #${alertId} (${JSON.stringify(outcome)})`);
    });
    schedule(openedAt + 8 * HOUR, async () => {
      await alertAcknowledge(as('marco.rossi', simulated), alertId);
    });
    schedule(openedAt + 2 * HOUR, async () => {
      const trigger = JSON.parse(receiver.accepted.at(-1)!.body) as { data: { reason: string; runTags: Record<string, string> } };
      stats.retrainRunId = await demoRetrainRun(as('priya.nair', simulated), rng, trigger.data, alertId);
    });
    schedule(openedAt + 20 * HOUR, async () => {
      const modelId = registry.models['fraud-detector']!.modelId;
      stats.retrainVersionId = await demoRetrainRegister(as('chidi.okafor', simulated), as('priya.nair', simulated + HOUR), rng, { modelId, runId: stats.retrainRunId, alertId });
    });
  }

  try {
    while (queue.length > 0) {
      // A stable sort: steps due at the same moment run in the order they were scheduled.
      queue.sort((a, b) => a.at - b.at);
      const next = queue.shift()!;
      simulated = next.at;
      await next.step();
    }
  } finally {
    // The receiver lives only while seeding. The rule keeps its URL, so a trigger at run time
    // finds nobody listening: the webhook worker retries it and then records it as failed,
    // with the connection error as the reason, which is what happened.
    await receiver.close();
  }
  return stats;
}
