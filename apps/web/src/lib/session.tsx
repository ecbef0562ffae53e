// Who is signed in, the role they are acting as, and what the policy lets them do. The
// UI only reflects the policy (the server enforces it): it hides or disables actions
// and says why, reading the same table from @quorum/domain.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { policyAllows, ROLES, type PolicyDecision, type Role } from '@quorum/domain';
import { csrfTokenSet, useTRPC, type RouterOutputs } from './trpc';

export type SessionUser = NonNullable<RouterOutputs['auth']['me']>;

interface Session {
  user: SessionUser;
  /** The role whose home and navigation are shown (users may hold several). */
  activeRole: Role;
  setActiveRole(role: Role): void;
  /** Whether the user's roles allow a write action or restricted read, and why not. */
  can(action: string): PolicyDecision;
  signedOut(): void;
}

const SessionContext = createContext<Session | null>(null);
const ROLE_KEY = 'quorum.activeRole';

/** The most specific role first, so a multi-role user lands on their main job. */
function defaultRole(roles: readonly Role[]): Role {
  return ROLES.find((r) => r !== 'admin' && roles.includes(r)) ?? roles[0] ?? 'data_scientist';
}

/**
 * Loads `auth.me`. Renders `signedOut` when nobody is signed in, else the children with
 * the session in context.
 */
export function SessionProvider({ children, signedOut }: { children: ReactNode; signedOut: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000, retry: 1 });
  const user = me.data ?? null;
  const [chosen, setChosen] = useState<Role | null>(() => (localStorage.getItem(ROLE_KEY) as Role | null) ?? null);

  useEffect(() => {
    csrfTokenSet(user?.csrfToken ?? null);
  }, [user?.csrfToken]);

  const setActiveRole = useCallback((role: Role) => {
    localStorage.setItem(ROLE_KEY, role);
    setChosen(role);
  }, []);

  const session = useMemo<Session | null>(() => {
    if (!user) return null;
    const roles = user.roles as Role[];
    return {
      user,
      activeRole: chosen && roles.includes(chosen) ? chosen : defaultRole(roles),
      setActiveRole,
      can: (action) => policyAllows(action, roles),
      signedOut: () => {
        csrfTokenSet(null);
        queryClient.clear();
        void me.refetch();
      },
    };
  }, [user, chosen, setActiveRole, queryClient, me]);

  if (me.isPending) return <div className="boot" aria-busy="true" aria-label="Loading" />;
  if (!session) return <>{signedOut}</>;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** After signing in: remember the CSRF token and reload who is signed in. */
export function useSignedIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (csrfToken: string) => {
      csrfTokenSet(csrfToken);
      await queryClient.resetQueries(trpc.auth.me.queryFilter());
    },
    [queryClient, trpc],
  );
}
