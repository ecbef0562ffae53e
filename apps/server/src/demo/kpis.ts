// The product owner's KPIs over the last 90 days: each KPI's level follows the version its
// model served a few days earlier (the business feels a model change with a lag), plus
// weekly rhythm and noise; the fraud KPIs also feel the drift episode. Two comments explain
// the big moves, and one backs churn-classifier v3's pending promotion as evidence.
import { aliasMovesOfModels, type Database } from '@quorum/db';
import type { Actor } from '../auth/actor';
import type { Clock, ServiceContext } from '../services/context';
import { kpiComment, kpiCreate, kpiRecord } from '../services/kpis';
import { DEMO_AMOUNT_SHIFT } from './production';
import { seededRandom, type Random } from './random';
import { DEMO_ROLLBACK, type DemoRegistry } from './registry';

const DAY = 86_400_000;
export const DEMO_KPI_DAYS = 90;

interface KpiPlan {
  name: string;
  description: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number;
  model: string;
  /** The level while no version (null) or a given version serves production. */
  level: (version: number | null) => number;
  /** Days before a model change starts to show, and over how many days it phases in. */
  lagDays: number;
  rampDays: number;
  /** Extra on drift-episode days, per unit of the amount shift. */
  drift?: number;
  /** A day's value from its level: rhythm, noise and rounding. */
  observe: (rng: Random, level: number, day: number, state: { ar: number }) => number;
}

const weekend = (day: number) => [0, 6].includes(new Date(day).getUTCDay());
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
/** Noise that lingers from day to day (AR(1)), as business metrics do. */
const lingering = (rng: Random, state: { ar: number }, sd: number) => (state.ar = 0.6 * state.ar + sd * 0.8 * rng.normal());

const KPIS: KpiPlan[] = [
  {
    name: 'Monthly churn rate',
    description: 'Subscribers who cancelled in the last 30 days, as a share of active subscribers (billing warehouse, rolling).',
    unit: '%',
    direction: 'lower',
    target: 2.5,
    model: 'churn-classifier',
    level: (v) => (v === null ? 3.45 : v === 1 ? 3.02 : 2.62),
    lagDays: 3,
    rampDays: 12,
    observe: (rng, level, _day, s) => round(level + lingering(rng, s, 0.05), 2),
  },
  {
    name: 'Fraud losses',
    description: 'Chargebacks and written-off card fraud per day, in euros.',
    unit: '€/day',
    direction: 'lower',
    target: 12_000,
    model: 'fraud-detector',
    level: (v) => (v === null ? 16_800 : v === 2 ? 17_300 : 11_700),
    lagDays: 1,
    rampDays: 2,
    drift: 3_400,
    observe: (rng, level, day, s) => Math.round((level + lingering(rng, s, 900)) * (weekend(day) ? 1.12 : 1)),
  },
  {
    name: 'Card approval rate',
    description: 'Card transactions approved without a manual review, as a share of all attempts.',
    unit: '%',
    direction: 'higher',
    target: 97.5,
    model: 'fraud-detector',
    level: (v) => (v === null ? 96.8 : v === 2 ? 96.45 : 97.72),
    lagDays: 0,
    rampDays: 1,
    drift: -0.35,
    observe: (rng, level, _day, s) => round(level + lingering(rng, s, 0.1), 2),
  },
  {
    name: 'Stockout days',
    description: 'Store-days with at least one top-200 SKU out of stock, across the 48 stores.',
    unit: 'store-days',
    direction: 'lower',
    target: 6,
    model: 'demand-forecaster',
    level: (v) => (v === null ? 9.6 : 5.4),
    lagDays: 3,
    rampDays: 5,
    observe: (rng, level, day, s) => Math.max(0, Math.round(level * (weekend(day) ? 1.25 : 1) + lingering(rng, s, 1.3))),
  },
];

const dateText = (t: number) => new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export async function demoKpis(db: Database, clock: Clock, people: Map<string, Actor>, registry: DemoRegistry) {
  const rng = seededRandom(90_2026);
  const now = clock.now();
  const today = Math.floor(now / DAY) * DAY;
  const owner = people.get('paul.meyer') ?? null;
  const as = (at: number): ServiceContext => ({ db, clock: { now: () => at }, actor: owner });
  const modelIds = Object.values(registry.models).map((m) => m.modelId);
  const moves = await aliasMovesOfModels(db, modelIds);
  /** The production version of the model at a time (null before its first promotion). */
  const servingAt = (modelId: number, t: number) => moves.filter((m) => m.modelId === modelId && m.alias === 'production' && m.movedAt <= t).at(-1)?.version ?? null;
  // Created once the models exist; the history before is backfilled from the warehouse.
  const createdAt = now - 65 * DAY;
  const ids = new Map<string, number>();
  for (const plan of KPIS) {
    const modelId = registry.models[plan.model]!.modelId;
    const kpi = await kpiCreate(as(createdAt), { name: plan.name, description: plan.description, unit: plan.unit, direction: plan.direction, target: plan.target, ownerId: owner?.userId, modelIds: [modelId] });
    ids.set(plan.name, kpi.id);
    const state = { ar: 0 };
    const observations = [];
    for (let k = DEMO_KPI_DAYS; k >= 1; k--) {
      const day = today - k * DAY;
      const end = day + DAY;
      // A change phases in: the level is the mean over the ramp of what served `lagDays` before.
      let level = 0;
      for (let j = 0; j < plan.rampDays; j++) level += plan.level(servingAt(modelId, end - (plan.lagDays + j) * DAY)) / plan.rampDays;
      level += (plan.drift ?? 0) * ((DEMO_AMOUNT_SHIFT[k] ?? 1) - 1);
      observations.push({ at: day, value: plan.observe(rng, level, day, state) });
    }
    // The seed writes the invented history as 'demo', so neither the data nor the audit trail claims an upload.
    await kpiRecord(as(now), { kpiId: kpi.id, observations, source: 'demo' });
  }

  const fraud = registry.models['fraud-detector']!.modelId;
  const fraudMoves = moves.filter((m) => m.modelId === fraud && m.alias === 'production');
  const v2At = fraudMoves.find((m) => m.version === 2)!.movedAt;
  const rollbackAt = fraudMoves.find((m) => m.reason === 'rollback')!.movedAt;
  await kpiComment(as(now - (DEMO_ROLLBACK.daysAgo - 3) * DAY), {
    kpiId: ids.get('Fraud losses')!,
    body: `Losses rose by almost half within two days of fraud-detector v2 going live on ${dateText(v2At)} and were back under target two days after the rollback on ${dateText(rollbackAt)}. Approval rate dipped at the same time: v2 declined good customers too. Next time I'd like a week of shadow traffic before a fraud model takes production.`,
  });
  await kpiComment(as(now - 40 * DAY), {
    kpiId: ids.get('Stockout days')!,
    body: 'Stockout days roughly halved since demand-forecaster v1 replaced the spreadsheet forecast; store managers confirm shelves of the top SKUs stay filled over weekends.',
  });
  await kpiComment(as(now - DAY / 2), {
    kpiId: ids.get('Monthly churn rate')!,
    promotionRequestId: registry.pendingRequestId,
    body: 'Churn fell from about 3.0% to 2.6% in the weeks after v2 went live, and the retention team works from its scores every morning. From the business side I support promoting v3; we will watch the basic-plan segment in the first two weeks.',
  });
  return { kpis: KPIS.length, observations: KPIS.length * DEMO_KPI_DAYS };
}
