import { DrizzleQueryError } from 'drizzle-orm/errors';
import { TRPCError } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../services/errors';
import { loggable, toTRPCError } from './errors';

describe('error mapping', () => {
  it('keeps service errors and their codes', () => {
    expect(toTRPCError(new ServiceError('CONFLICT', 'taken'))).toMatchObject({ code: 'CONFLICT', message: 'taken' });
  });

  it('answers unknown errors with a generic 500 and logs no query parameters', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = new DrizzleQueryError('insert into users (password_hash) values ($1)', ['scrypt$32768$8$1$salt$secret-hash'], new Error('duplicate key'));
    const mapped = toTRPCError(failed);
    expect(mapped).toBeInstanceOf(TRPCError);
    expect(mapped.code).toBe('INTERNAL_SERVER_ERROR');
    expect(mapped.message).not.toContain('insert');
    const logged = JSON.stringify(spy.mock.calls);
    expect(logged).toContain('duplicate key');
    expect(logged).not.toContain('secret-hash');
    expect(loggable(new Error('plain'))).toBeInstanceOf(Error);
    spy.mockRestore();
  });
});
