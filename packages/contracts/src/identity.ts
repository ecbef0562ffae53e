// Input schemas for sign-in, users, teams, API tokens and the audit trail.
import { ROLES } from '@quorum/domain';
import { z } from 'zod';

export const roleSchema = z.enum(ROLES, { error: `A role is one of ${ROLES.join(', ')}` });
const email = z.string().trim().toLowerCase().email('Give a valid email address').max(320);
const password = z.string().min(10, 'A password has at least 10 characters').max(1_000);

export const signInInput = z.object({ email, password: z.string().min(1, 'Enter your password').max(1_000) });

export const userCreateInput = z
  .object({
    email,
    name: z.string().trim().min(1, 'Give the user a name').max(200),
    roles: z.array(roleSchema).min(1, 'Give the user at least one role').max(ROLES.length),
    kind: z.enum(['human', 'service']).default('human'),
    /** Required for people; service accounts act only through tokens. */
    password: password.optional(),
  })
  .refine((u) => u.kind === 'service' || u.password !== undefined, { message: 'A person needs a password to sign in', path: ['password'] })
  .refine((u) => u.kind === 'human' || u.password === undefined, { message: 'Service accounts sign in with tokens, not passwords', path: ['password'] });

export const userUpdateInput = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(roleSchema).min(1, 'Keep at least one role').max(ROLES.length).optional(),
  password: password.optional(),
  disabled: z.boolean().optional(),
});

export const tokenCreateInput = z.object({
  name: z.string().trim().min(1, 'Name the token after where it is used (e.g. "github-actions")').max(100),
  /** Defaults to all roles of the owner; may only narrow them. */
  roles: z.array(roleSchema).min(1).max(ROLES.length).optional(),
  /** Admins may create a token for a service account. */
  userId: z.number().int().positive().optional(),
  expiresInDays: z.number().int().min(1).max(3_650).optional(),
});
export const tokenRevokeInput = z.object({ id: z.number().int().positive() });

export const teamCreateInput = z.object({
  name: z.string().trim().min(1, 'Give the team a name').max(100),
  description: z.string().max(1_000).default(''),
  memberIds: z.array(z.number().int().positive()).max(500).default([]),
});
export const teamUpdateInput = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().max(1_000).optional(),
});
export const teamSetMembersInput = z.object({ id: z.number().int().positive(), memberIds: z.array(z.number().int().positive()).max(500) });

export const auditFilterInput = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(200).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  /** ok, denied (a refused action) or failed (a failed sign-in). */
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
});
export const auditListInput = auditFilterInput.extend({
  limit: z.number().int().min(1).max(500).default(100),
  beforeSeq: z.number().int().positive().optional(),
});
