// Generators of realistic demo runs: hyperparameters, and learning curves whose shape
// follows from them (good settings converge lower; a too-high learning rate diverges).
import type { LogBatchInput } from '@quorum/contracts';
import type { RunStatus } from '@quorum/domain';
import type { Random } from './random';

export interface DemoRun {
  name: string;
  user: string;
  commit: string;
  status: RunStatus;
  params: Record<string, string>;
  tags: Record<string, string>;
  /** Timestamps are milliseconds after the run's start. */
  metrics: { key: string; step: number; timestamp: number; value: number }[];
  inputs: LogBatchInput['inputs'];
}

const SCIENTISTS = ['ana.silva', 'bo.chen', 'chidi.okafor', 'dana.levi', 'emil.nowak'];

function commitOf(rng: Random): string {
  let s = '';
  for (let i = 0; i < 40; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
}

/** Exponential moving noise around a decaying curve, so it looks like SGD. */
function curve(
  rng: Random,
  steps: number,
  every: number,
  shape: (t: number) => number,
  noise: number,
  msPerStep: number,
  key: string,
): DemoRun['metrics'] {
  const out: DemoRun['metrics'] = [];
  let drift = 0;
  for (let step = 0; step < steps; step += every) {
    drift = 0.9 * drift + 0.1 * rng.normal();
    const value = shape(step / steps) + noise * (0.6 * rng.normal() + 0.4 * drift);
    out.push({ key, step, timestamp: Math.round(step * msPerStep + rng.next() * msPerStep), value });
  }
  return out;
}

const fmt = (x: number, digits = 4) => String(Number(x.toPrecision(digits)));

export function churnRun(rng: Random, i: number): DemoRun {
  const lr = rng.logUniform(0.003, 0.3);
  const depth = rng.int(3, 10);
  const trees = rng.pick([200, 400, 600, 800, 1000]);
  const subsample = rng.uniform(0.5, 1);
  const family = rng.pick(['xgboost', 'lightgbm']);
  // Quality peaks near lr 0.05 and depth 6; larger forests help a little.
  const quality = Math.exp(-((Math.log(lr / 0.05)) ** 2) / 3) * Math.exp(-((depth - 6) ** 2) / 20) * (0.9 + trees / 10_000) * (0.85 + 0.15 * subsample);
  const finalAuc = 0.72 + 0.17 * quality + 0.01 * rng.normal();
  const steps = 2_000;
  const floor = 0.62 - 0.25 * quality;
  const speed = 2 + 30 * lr;
  const overfit = depth > 8 ? 0.06 * (depth - 8) : 0;
  const msPerStep = 40 + depth * 6;
  const trainLoss = curve(rng, steps, 1, (t) => floor - 0.05 + (0.69 - floor) * Math.exp(-speed * 3 * t), 0.012, msPerStep, 'train_loss');
  const valLoss = curve(rng, steps, 10, (t) => floor + (0.69 - floor) * Math.exp(-speed * 3 * t) + overfit * t * t, 0.01, msPerStep, 'val_loss');
  const valAuc = curve(rng, steps, 50, (t) => 0.5 + (finalAuc - 0.5) * (1 - Math.exp(-speed * 4 * t)), 0.004, msPerStep, 'val_auc');
  const valF1 = curve(rng, steps, 50, (t) => 0.3 + (finalAuc - 0.42) * (1 - Math.exp(-speed * 4 * t)), 0.006, msPerStep, 'val_f1');
  const status: RunStatus = i === 159 ? 'RUNNING' : i % 37 === 5 ? 'KILLED' : 'FINISHED';
  return {
    name: `${family}-d${depth}-lr${fmt(lr, 2)}-${i}`,
    user: rng.pick(SCIENTISTS.slice(0, 3)),
    commit: commitOf(rng),
    status,
    params: {
      learning_rate: fmt(lr),
      max_depth: String(depth),
      n_estimators: String(trees),
      subsample: fmt(subsample, 3),
      model_family: family,
    },
    tags: { team: 'subscriptions', 'mlflow.source.name': 'train_churn.py', sweep: 'q3-snapshot' },
    metrics: [...trainLoss, ...valLoss, ...valAuc, ...valF1],
    inputs: [
      { name: 'churn-train', digest: 'c1a2f09e', source: 's3://quorum-demo/churn/2026-09/train.parquet', sourceType: 's3', context: 'train', schema: { columns: [{ name: 'tenure_months', type: 'long' }, { name: 'monthly_spend', type: 'double' }, { name: 'plan', type: 'string' }, { name: 'support_tickets', type: 'long' }, { name: 'churned', type: 'boolean' }] } },
      { name: 'churn-eval', digest: '7be44d10', source: 's3://quorum-demo/churn/2026-09/eval.parquet', sourceType: 's3', context: 'eval' },
    ],
  };
}

export interface FraudParams {
  lr: number;
  batch: number;
  hidden: number;
  dropout: number;
  optimizer: string;
}

export function fraudRun(rng: Random, i: number): DemoRun {
  const lr = rng.logUniform(1e-4, 3e-2);
  const batch = rng.pick([128, 256, 512, 1024]);
  const hidden = rng.pick([64, 128, 256, 512]);
  const dropout = rng.uniform(0, 0.5);
  const optimizer = rng.pick(['adam', 'adamw', 'sgd']);
  return fraudTrain(rng, i, { lr, batch, hidden, dropout, optimizer });
}

/** A fraud network trained with the given settings: the sweep's runs, and the run a retraining trigger starts. */
export function fraudTrain(rng: Random, i: number, p: FraudParams): DemoRun {
  const { lr, batch, hidden, dropout, optimizer } = p;
  const diverges = lr > 0.012 && optimizer === 'sgd' ? true : lr > 0.02;
  const quality = Math.exp(-((Math.log(lr / 1e-3)) ** 2) / 4) * (0.8 + hidden / 2_560) * (1 - Math.abs(dropout - 0.2));
  const steps = 3_000;
  const divergeAt = diverges ? rng.uniform(0.2, 0.6) : 2;
  const msPerStep = 25 + batch / 20;
  const loss = (base: number) => (t: number) =>
    t > divergeAt ? base * Math.exp(12 * (t - divergeAt)) : base * (0.25 + 0.75 * Math.exp(-5 * t)) - 0.05 * quality;
  const trainLoss = curve(rng, steps, 1, loss(0.5), 0.015, msPerStep, 'train_loss');
  const valLoss = curve(rng, steps, 20, loss(0.55), 0.012, msPerStep, 'val_loss');
  const prAuc = curve(rng, steps, 100, (t) => (t > divergeAt ? 0.1 : 0.15 + (0.5 + 0.25 * quality) * (1 - Math.exp(-4 * t))), 0.008, msPerStep, 'val_pr_auc');
  const recall = curve(rng, steps, 100, (t) => (t > divergeAt ? 0.05 : 0.3 + (0.45 + 0.2 * quality) * (1 - Math.exp(-4 * t))), 0.01, msPerStep, 'val_recall');
  if (diverges) {
    // A diverged run logs an overflow and then NaN, as a real trainer does.
    const end = Math.min(steps - 1, Math.floor((divergeAt + 0.15) * steps));
    const cut = (m: DemoRun['metrics']) => m.filter((p) => p.step <= end);
    const tail = [
      { key: 'train_loss', step: end + 1, timestamp: Math.round((end + 1) * msPerStep), value: Infinity },
      { key: 'train_loss', step: end + 2, timestamp: Math.round((end + 2) * msPerStep), value: NaN },
    ];
    return fraudResult(i, rng, { lr, batch, hidden, dropout, optimizer }, 'FAILED', [...cut(trainLoss), ...tail, ...cut(valLoss), ...cut(prAuc), ...cut(recall)]);
  }
  return fraudResult(i, rng, { lr, batch, hidden, dropout, optimizer }, i === 59 ? 'RUNNING' : 'FINISHED', [...trainLoss, ...valLoss, ...prAuc, ...recall]);
}

function fraudResult(
  i: number,
  rng: Random,
  p: FraudParams,
  status: RunStatus,
  metrics: DemoRun['metrics'],
): DemoRun {
  return {
    name: `mlp-${p.hidden}-${p.optimizer}-${i}`,
    user: rng.pick(SCIENTISTS.slice(2)),
    commit: commitOf(rng),
    status,
    params: {
      learning_rate: fmt(p.lr),
      batch_size: String(p.batch),
      hidden_units: String(p.hidden),
      dropout: fmt(p.dropout, 2),
      optimizer: p.optimizer,
    },
    tags: { team: 'risk', 'mlflow.source.name': 'fraud/train.py', framework: 'pytorch' },
    metrics,
    inputs: [
      { name: 'card-transactions', digest: '4f9e2b71', source: 'warehouse://risk.transactions_2026q3', sourceType: 'delta', context: 'train', schema: { columns: [{ name: 'amount', type: 'double' }, { name: 'merchant_category', type: 'string' }, { name: 'hour', type: 'long' }, { name: 'country', type: 'string' }, { name: 'is_fraud', type: 'boolean' }] } },
      { name: 'card-transactions-holdout', digest: '90ad33c2', source: 'warehouse://risk.transactions_2026q3_holdout', sourceType: 'delta', context: 'eval' },
    ],
  };
}

export function demandRun(rng: Random, i: number): DemoRun {
  const family = rng.pick(['lightgbm', 'prophet', 'lstm', 'tft']);
  const lookback = rng.pick([28, 56, 91, 182]);
  const horizon = rng.pick([7, 14, 28]);
  const lr = family === 'prophet' ? 0 : rng.logUniform(1e-3, 1e-1);
  const base = { lightgbm: 0.16, prophet: 0.21, lstm: 0.18, tft: 0.14 }[family]! + horizon / 400 - lookback / 4_000;
  const epochs = family === 'prophet' ? 50 : 500;
  const mape = curve(rng, epochs, 1, (t) => base + 0.25 * Math.exp(-6 * t), 0.004, 900, 'val_mape');
  const rmse = curve(rng, epochs, 1, (t) => 40 * (base + 0.25 * Math.exp(-6 * t)), 0.15, 900, 'val_rmse');
  const params: Record<string, string> = { model_family: family, lookback_days: String(lookback), horizon_days: String(horizon) };
  if (lr > 0) params.learning_rate = fmt(lr);
  return {
    name: `${family}-h${horizon}-lb${lookback}-${i}`,
    user: rng.pick(SCIENTISTS),
    commit: commitOf(rng),
    status: 'FINISHED',
    params,
    tags: { team: 'supply-chain', 'mlflow.source.name': 'forecast/backtest.py' },
    metrics: [...mape, ...rmse],
    inputs: [
      { name: 'store-sales-daily', digest: 'aa01be57', source: 'warehouse://retail.sales_daily', sourceType: 'delta', context: 'train', schema: { columns: [{ name: 'date', type: 'date' }, { name: 'store_id', type: 'long' }, { name: 'sku', type: 'string' }, { name: 'units', type: 'double' }, { name: 'promo', type: 'boolean' }] } },
    ],
  };
}
