import { describe, expect, it } from 'vitest';
import { tokensOrdered, tokenStatus } from './token-status';

describe('tokenStatus', () => {
  it('tells a live token from an expired or revoked one', () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, 100)).toBe('active');
    expect(tokenStatus({ revokedAt: null, expiresAt: 100 }, 100)).toBe('expired');
    expect(tokenStatus({ revokedAt: 50, expiresAt: 200 }, 100)).toBe('revoked');
  });
});

describe('tokensOrdered', () => {
  it('lists live tokens first, newest first within each group', () => {
    const t = (id: number, createdAt: number, revokedAt: number | null = null) => ({ id, createdAt, revokedAt, expiresAt: null });
    expect(tokensOrdered([t(1, 10), t(2, 30, 40), t(3, 20)], 100).map((x) => x.id)).toEqual([3, 1, 2]);
  });
});
