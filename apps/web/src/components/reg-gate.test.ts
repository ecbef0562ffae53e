import { describe, expect, it } from 'vitest';
import { regBytes, regGateSummary, regQuorumText } from './reg-gate';

const result = (status: 'pass' | 'fail' | 'missing') => ({ id: status, kind: 'metric', description: '', status, value: null, threshold: 0, detail: '' });

describe('regQuorumText', () => {
  const required = [
    { role: 'compliance_lead' as const, count: 1 },
    { role: 'mlops_engineer' as const, count: 1 },
  ];

  it('names the roles still missing', () => {
    expect(regQuorumText(required, { met: false, missing: [{ role: 'compliance_lead', count: 1 }] })).toBe('1 of 2 approvals: missing compliance lead');
    expect(regQuorumText(required, { met: false, missing: required })).toBe('0 of 2 approvals: missing compliance lead and MLOps engineer');
  });

  it('says when the quorum is met, and counts several people of one role', () => {
    expect(regQuorumText(required, { met: true, missing: [] })).toBe('2 of 2 approvals: quorum met');
    expect(regQuorumText([{ role: 'compliance_lead', count: 2 }], { met: false, missing: [{ role: 'compliance_lead', count: 2 }] })).toBe(
      '0 of 2 approvals: missing 2 × compliance lead',
    );
  });
});

describe('regGateSummary', () => {
  it('counts passing checks and takes its tone from the stored verdict', () => {
    expect(regGateSummary({ passed: false, evaluatedAt: 0, results: [result('pass'), result('fail'), result('missing')] })).toMatchObject({
      tone: 'fail',
      label: '1/3 checks pass',
    });
    expect(regGateSummary({ passed: true, evaluatedAt: 0, results: [result('pass')] })).toMatchObject({ tone: 'pass', label: '1/1 checks pass' });
    expect(regGateSummary(null)).toMatchObject({ tone: 'none', label: 'not checked' });
  });
});

describe('regBytes', () => {
  it('uses binary units with three significant digits', () => {
    expect(regBytes(512)).toBe('512 B');
    expect(regBytes(5_810_445)).toBe('5.54 MB');
  });
});
