// API token verbs: create (secret shown once), list, revoke.
import type { z } from 'zod';
import type { tokenCreateInput } from '@quorum/contracts';
import { tokenFind, tokenInsert, tokenList, tokenRevoke, userFind } from '@quorum/db';
import { policyMayRevokeToken, policyScopeExcess } from '@quorum/domain';
import { actorTokenCacheClear } from '../auth/actor';
import { sha256Hex, tokenPrefixOf, tokenSecretNew } from '../auth/secrets';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, forbidden, notFound } from './errors';

const DAY = 86_400_000;

export async function tokenCreate(ctx: ServiceContext, input: z.output<typeof tokenCreateInput>, secret = tokenSecretNew()) {
  const actor = ctx.actor;
  if (!actor) throw forbidden('Sign in to create a token');
  let owner = { id: actor.userId, roles: actor.userRoles, kind: 'human' as string };
  if (input.userId !== undefined && input.userId !== actor.userId) {
    if (!actor.roles.includes('admin')) throw forbidden('Only an admin may create a token for another account');
    const target = await userFind(ctx.db, input.userId);
    if (!target) throw notFound(`No user with id ${input.userId}`);
    if (target.kind !== 'service') throw badRequest('Admins create tokens for service accounts; people create their own');
    owner = { id: target.id, roles: target.roles, kind: target.kind };
  }
  // A token never carries more than its owner holds, nor more than its creator holds now.
  const ceiling = owner.id === actor.userId ? actor.roles : owner.roles;
  const roles = input.roles ?? ceiling;
  const excess = policyScopeExcess(roles, ceiling);
  if (excess.length > 0) throw forbidden(`A token cannot carry ${excess.join(', ')}: its owner does not hold ${excess.length > 1 ? 'them' : 'it'}`);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const token = await tokenInsert(tx, {
      userId: owner.id,
      createdBy: actor.userId,
      name: input.name,
      secretHash: sha256Hex(secret),
      prefix: tokenPrefixOf(secret),
      roles,
      createdAt: now,
      expiresAt: input.expiresInDays ? now + input.expiresInDays * DAY : null,
    });
    await audit(ctx, tx, 'tokens.create', { entityType: 'token', entityId: token.id }, { name: token.name, owner: owner.id, roles, expiresAt: token.expiresAt });
    const { secretHash: _h, ...shown } = token;
    // The only time the secret leaves the server.
    return { ...shown, secret };
  });
}

export function tokensList(ctx: ServiceContext, all: boolean) {
  return tokenList(ctx.db, all ? undefined : ctx.actor!.userId);
}

export async function tokenRevokeVerb(ctx: ServiceContext, id: number) {
  const token = await tokenFind(ctx.db, id);
  if (!token) throw notFound(`No token with id ${id}`);
  const decision = policyMayRevokeToken({ userId: ctx.actor!.userId, roles: ctx.actor!.roles }, token);
  if (!decision.allowed) throw forbidden(decision.reason);
  if (token.revokedAt !== null) return { id, revokedAt: token.revokedAt };
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tokenRevoke(tx, id, now);
    await audit(ctx, tx, 'tokens.revoke', { entityType: 'token', entityId: id }, { name: token.name, owner: token.userId });
  });
  actorTokenCacheClear();
  return { id, revokedAt: now };
}
