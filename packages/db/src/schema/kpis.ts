// Business KPIs: targets and owners, the models that serve them, daily observations, and
// the product owner's comments (which can be linked to a promotion request as evidence).
import { doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { epochMs } from './columns';
import { users } from './identity';
import { promotionRequests, registeredModels } from './registry';

export const kpis = pgTable(
  'kpis',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    unit: text('unit').notNull().default(''),
    direction: text('direction', { enum: ['higher', 'lower'] }).notNull(),
    target: doublePrecision('target').notNull(),
    ownerId: integer('owner_id').references(() => users.id),
    createdAt: epochMs('created_at').notNull(),
    createdBy: integer('created_by'),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [uniqueIndex('kpis_name_key').on(t.name)],
);

export const kpiModels = pgTable(
  'kpi_models',
  {
    kpiId: integer('kpi_id')
      .notNull()
      .references(() => kpis.id),
    modelId: integer('model_id')
      .notNull()
      .references(() => registeredModels.id),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.modelId] })],
);

/** One value per KPI per UTC day; a later upload for the same day replaces it. */
export const kpiObservations = pgTable(
  'kpi_observations',
  {
    kpiId: integer('kpi_id')
      .notNull()
      .references(() => kpis.id),
    at: epochMs('at').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source', { enum: ['api', 'csv', 'demo'] }).notNull(),
    recordedAt: epochMs('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.at] })],
);

export const kpiComments = pgTable(
  'kpi_comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kpiId: integer('kpi_id')
      .notNull()
      .references(() => kpis.id),
    authorId: integer('author_id').notNull(),
    body: text('body').notNull(),
    promotionRequestId: integer('promotion_request_id').references(() => promotionRequests.id),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('kpi_comments_kpi_idx').on(t.kpiId, t.createdAt), index('kpi_comments_request_idx').on(t.promotionRequestId)],
);
