// User verbs (admin): create, update roles, name, password, disable.
import type { z } from 'zod';
import type { userCreateInput, userUpdateInput } from '@quorum/contracts';
import { sessionsDeleteForUser, userFind, userFindByEmail, userInsert, userList, userUpdate, adminExists } from '@quorum/db';
import { passwordHash } from '../auth/passwords';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict, notFound } from './errors';

export async function userCreate(ctx: ServiceContext, input: z.output<typeof userCreateInput>) {
  if (await userFindByEmail(ctx.db, input.email)) throw conflict(`A user with email ${input.email} already exists`);
  const hash = input.password ? await passwordHash(input.password) : null;
  return ctx.db.transaction(async (tx) => {
    const user = await userInsert(tx, { email: input.email, name: input.name, kind: input.kind, roles: input.roles, passwordHash: hash, createdAt: ctx.clock.now() });
    await audit(ctx, tx, 'users.create', { entityType: 'user', entityId: user.id }, { email: user.email, name: user.name, kind: user.kind, roles: user.roles });
    return user;
  });
}

export async function userChange(ctx: ServiceContext, input: z.output<typeof userUpdateInput>) {
  const before = await userFind(ctx.db, input.id);
  if (!before) throw notFound(`No user with id ${input.id}`);
  const losesAdmin = (input.roles && !input.roles.includes('admin')) || input.disabled === true;
  if (before.roles.includes('admin') && losesAdmin) {
    const others = (await userList(ctx.db)).filter((u) => u.id !== before.id && u.roles.includes('admin') && u.disabledAt === null);
    if (others.length === 0) throw badRequest('This is the last active admin; make someone else an admin first');
  }
  const hash = input.password ? await passwordHash(input.password) : undefined;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const user = await userUpdate(tx, input.id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.roles !== undefined && { roles: input.roles }),
      ...(hash !== undefined && { passwordHash: hash }),
      ...(input.disabled !== undefined && { disabledAt: input.disabled ? now : null }),
    });
    // A new password or a disabled account ends every open session.
    if (hash !== undefined || input.disabled) await sessionsDeleteForUser(tx, input.id);
    await audit(ctx, tx, 'users.update', { entityType: 'user', entityId: input.id }, {
      ...(input.name !== undefined && { name: { from: before.name, to: input.name } }),
      ...(input.roles !== undefined && { roles: { from: before.roles, to: input.roles } }),
      ...(hash !== undefined && { password: 'changed' }),
      ...(input.disabled !== undefined && { disabled: input.disabled }),
    });
    return user!;
  });
}

export function usersList(ctx: ServiceContext) {
  return userList(ctx.db);
}

export { adminExists };
