import { describe, expect, it } from 'vitest';
import { decisionState, type DecisionInput } from './decision';

const base: DecisionInput = {
  user: { id: 6, roles: ['compliance_lead'] },
  request: { requestedBy: 2, state: 'pending' },
  policyRoles: ['compliance_lead', 'mlops_engineer'],
  approvals: [],
  builders: { createdBy: 1, runCreatedBy: 9 },
  gatesPassed: true,
};

describe('decisionState', () => {
  it('lets an independent holder of a required role decide, in the roles they hold', () => {
    expect(decisionState(base)).toEqual({ roles: ['compliance_lead'], blocked: null, approveBlocked: null });
  });

  it('stops the requester before they click', () => {
    const s = decisionState({ ...base, user: { id: 2, roles: ['mlops_engineer'] } });
    expect(s.blocked).toBe('You requested this promotion: someone else must approve it');
    expect(s.approveBlocked).toBe(s.blocked);
  });

  it('stops whoever registered or trained the version', () => {
    expect(decisionState({ ...base, user: { id: 1, roles: ['mlops_engineer'] } }).blocked).toMatch(/^You registered this version/);
    expect(decisionState({ ...base, user: { id: 9, roles: ['compliance_lead'] } }).blocked).toMatch(/^You trained this version/);
  });

  it('says which roles the policy asks for when the person holds none', () => {
    expect(decisionState({ ...base, user: { id: 7, roles: ['data_scientist'] } }).blocked).toBe('The policy asks for a compliance lead and an MLOps engineer; you hold data scientist');
  });

  it('allows rejecting but not approving while gates are red', () => {
    expect(decisionState({ ...base, gatesPassed: false })).toMatchObject({ blocked: null, approveBlocked: 'Gates are not all green: they must pass before anyone approves' });
  });

  it('counts only signatures still in force', () => {
    expect(decisionState({ ...base, approvals: [{ userId: 6, resetAt: null }] }).blocked).toBe('You have already signed this request');
    expect(decisionState({ ...base, approvals: [{ userId: 6, resetAt: 5 }] }).blocked).toBeNull();
  });

  it('takes no decisions on a request that is not pending', () => {
    expect(decisionState({ ...base, request: { requestedBy: 2, state: 'approved' } }).blocked).toBe('The request is approved; only pending requests take decisions');
  });
});
