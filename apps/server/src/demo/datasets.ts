// Demo dataset profiles: training, evaluation and production snapshots whose columns
// look like the real thing, with drift where a story needs it (November's scoring data
// for churn, a shifted transaction amount for fraud).
import type { DatasetProfileInput } from '@quorum/contracts';
import { seededRandom, type Random } from './random';

type Column = DatasetProfileInput['columns'][number];
const ROWS = 4_000;

function col(name: string, n: number, make: () => number | string | null, rowCount: number): Column {
  return { name, values: Array.from({ length: n }, make), rowCount };
}

/** Churn customers; `shift` moves spend up, tenure down and plans toward "basic". */
function churn(rng: Random, rowCount: number, shift: number): DatasetProfileInput {
  return {
    columns: [
      col('tenure_months', ROWS, () => Math.max(0, Math.round(28 - 10 * shift + 16 * rng.normal())), rowCount),
      col('monthly_spend', ROWS, () => Math.round(100 * Math.exp(3.6 + 0.25 * shift + 0.45 * rng.normal())) / 100, rowCount),
      col('plan', ROWS, () => { const u = rng.next(); return u < 0.35 + 0.2 * shift ? 'basic' : u < 0.8 ? 'standard' : 'premium'; }, rowCount),
      col('support_tickets', ROWS, () => Math.floor(-Math.log(1 - rng.next()) * (1.2 + 0.4 * shift)), rowCount),
      col('region', ROWS, () => rng.pick(['north', 'south', 'east', 'west', 'central']), rowCount),
      col('churned', ROWS, () => (rng.next() < 0.18 + 0.05 * shift ? 'yes' : 'no'), rowCount),
    ],
  };
}

/** Card transactions; `shift` raises amounts and moves activity to night hours. */
function transactions(rng: Random, rowCount: number, shift: number): DatasetProfileInput {
  return {
    columns: [
      col('amount', ROWS, () => Math.round(100 * Math.exp(3.2 + 0.6 * shift + 1.1 * rng.normal())) / 100, rowCount),
      col('merchant_category', ROWS, () => rng.pick(['grocery', 'travel', 'electronics', 'fuel', 'restaurants', 'online']), rowCount),
      col('hour', ROWS, () => (rng.next() < 0.15 + 0.25 * shift ? rng.int(0, 5) : rng.int(6, 23)), rowCount),
      col('country', ROWS, () => (rng.next() < 0.82 ? 'DE' : rng.pick(['FR', 'NL', 'US', 'GB'])), rowCount),
      col('card_age_days', ROWS, () => Math.round(400 * rng.next() ** (1 + shift)), rowCount),
      col('is_fraud', ROWS, () => (rng.next() < 0.012 ? 'yes' : 'no'), rowCount),
    ],
  };
}

function sales(rng: Random, rowCount: number): DatasetProfileInput {
  return {
    columns: [
      col('store_id', ROWS, () => rng.int(1, 48), rowCount),
      col('units', ROWS, () => Math.max(0, Math.round(20 + 8 * rng.normal())), rowCount),
      col('price', ROWS, () => Math.round(100 * (2 + 18 * rng.next())) / 100, rowCount),
      col('promo', ROWS, () => (rng.next() < 0.22 ? 'yes' : 'no'), rowCount),
      col('weekday', ROWS, () => rng.pick(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), rowCount),
    ],
  };
}

/** Profiles of the datasets the demo runs log, by name. */
export function demoRunDatasetProfiles(): Record<string, DatasetProfileInput> {
  const rng = seededRandom(7_2026);
  return {
    'churn-train': churn(rng, 182_340, 0),
    'churn-eval': churn(rng, 45_585, 0.05),
    'card-transactions': transactions(rng, 2_431_902, 0),
    'card-transactions-holdout': transactions(rng, 607_975, 0),
    'store-sales-daily': sales(rng, 1_126_400),
  };
}

/** Production snapshots that no run trained on: what the data engineer compares against. */
export function demoSnapshotDatasets() {
  const rng = seededRandom(11_2026);
  return [
    { name: 'churn-scoring', digest: '2026-10-01', source: 's3://quorum-demo/churn/scoring/2026-10', sourceType: 's3', profile: churn(rng, 61_200, 0.1) },
    { name: 'churn-scoring', digest: '2026-11-01', source: 's3://quorum-demo/churn/scoring/2026-11', sourceType: 's3', profile: churn(rng, 64_870, 1) },
    { name: 'card-transactions-live', digest: '2026-11-20', source: 'warehouse://risk.transactions_live', sourceType: 'delta', profile: transactions(rng, 388_112, 0.8) },
  ];
}

/** The transactions a retraining run trains on: the last quarter, with the higher amounts of recent weeks in it. */
export function demoRetrainDatasetProfile(): DatasetProfileInput {
  return transactions(seededRandom(13_2026), 2_618_455, 0.35);
}
