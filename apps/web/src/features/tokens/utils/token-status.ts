// Whether a token still opens the door, and if not, why.

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(t: { revokedAt: number | null; expiresAt: number | null }, now: number): TokenStatus {
  if (t.revokedAt !== null) return 'revoked';
  if (t.expiresAt !== null && t.expiresAt <= now) return 'expired';
  return 'active';
}

/** Live tokens first, then the newest. */
export function tokensOrdered<T extends { revokedAt: number | null; expiresAt: number | null; createdAt: number }>(tokens: readonly T[], now: number): T[] {
  const rank = (t: T) => (tokenStatus(t, now) === 'active' ? 0 : 1);
  return [...tokens].sort((a, b) => rank(a) - rank(b) || b.createdAt - a.createdAt);
}
