// Users, teams, sessions, API tokens and the audit trail.
import type { Role } from '@quorum/domain';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { epochMs } from './columns';

// ── Identity ───────────────────────────────────────────────────────────────────────

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** `human` signs in with a password; `service` only acts through API tokens. */
    kind: text('kind', { enum: ['human', 'service'] }).notNull().default('human'),
    roles: text('roles').array().notNull().$type<Role[]>(),
    /** scrypt hash (see apps/server/src/auth/passwords.ts); null for service accounts. */
    passwordHash: text('password_hash'),
    createdAt: epochMs('created_at').notNull(),
    disabledAt: epochMs('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const teams = pgTable(
  'teams',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('teams_name_key').on(t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/** Browser sessions. The cookie holds a random secret; only its sha256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    lastSeenAt: epochMs('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** API tokens for scripts and CI: shown once, stored as sha256, scoped to roles. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** The first characters of the secret, to tell tokens apart in lists. */
    prefix: text('prefix').notNull(),
    roles: text('roles').array().notNull().$type<Role[]>(),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at'),
    lastUsedAt: epochMs('last_used_at'),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_secret_hash_key').on(t.secretHash), index('api_tokens_user_idx').on(t.userId)],
);

// ── Audit trail ────────────────────────────────────────────────────────────────────

/**
 * Append-only, hash-chained. A BEFORE INSERT trigger (migration 0002) assigns seq,
 * prev_hash and hash = sha256(prev_hash || payload) under a transaction lock; another
 * rejects UPDATE and DELETE. `payload` is the canonical JSON of the other fields.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    // seq, prev_hash and hash are set by the chain trigger; the JS defaults only satisfy the types.
    seq: bigint('seq', { mode: 'number' }).primaryKey().$defaultFn(() => 0),
    at: epochMs('at').notNull(),
    actorType: text('actor_type', { enum: ['user', 'token', 'system', 'anonymous'] }).notNull(),
    actorId: text('actor_id').notNull(),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    outcome: text('outcome', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    summary: jsonb('summary').notNull(),
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull().$defaultFn(() => ''),
    hash: text('hash').notNull().$defaultFn(() => ''),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_entity_idx').on(t.action, t.entityId, t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
  ],
);

