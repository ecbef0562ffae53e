import { signInInput } from '@quorum/contracts';
import { signIn, signOut } from '../services/auth';
import { authedProcedure, publicProcedure, router } from '../trpc/init';

export const authRouter = router({
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const result = await signIn(ctx, input);
    ctx.http?.setSessionCookie(result.sessionSecret, result.expiresAt);
    return { user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt };
  }),
  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx);
    ctx.http?.clearSessionCookie();
    return { ok: true };
  }),
  /** Who is signed in (null when nobody), and the CSRF token the web app must echo. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.actor
      ? { id: ctx.actor.userId, email: ctx.actor.email, name: ctx.actor.name, roles: ctx.actor.roles, via: ctx.actor.via, csrfToken: ctx.actor.csrfToken ?? null }
      : null,
  ),
});
