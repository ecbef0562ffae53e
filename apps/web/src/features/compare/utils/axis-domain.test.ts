import { describe, expect, it } from 'vitest';
import { linearDomain, linearTicksWithin, logDomain } from './axis-domain';

describe('linearDomain', () => {
  it('widens to round numbers', () => {
    expect(linearDomain(0.285, 0.665)).toEqual({ domain: [0.2, 0.7], ticks: [0.2, 0.3, 0.4, 0.5, 0.6, 0.7] });
    expect(linearDomain(0, 1999)).toEqual({ domain: [0, 2000], ticks: [0, 500, 1000, 1500, 2000] });
  });
  it('gives a flat series some room', () => {
    const { domain } = linearDomain(3, 3);
    expect(domain[0]).toBeLessThan(3);
    expect(domain[1]).toBeGreaterThan(3);
  });
});

describe('linearTicksWithin', () => {
  it('keeps ticks inside a fixed range', () => {
    expect(linearTicksWithin(1234, 1876)).toEqual([1400, 1600, 1800]);
  });
});

describe('logDomain', () => {
  it('widens to whole decades', () => {
    expect(logDomain(0.003, 4.2).domain).toEqual([0.001, 10]);
  });
  it('labels each decade on a wide range', () => {
    expect(logDomain(0.001, 100).ticks).toEqual([0.001, 0.01, 0.1, 1, 10, 100]);
  });
  it('adds 2 and 5 on a narrow range', () => {
    expect(logDomain(0.12, 0.5).ticks).toEqual([0.1, 0.2, 0.5, 1]);
  });
  it('spans a decade even when min and max are equal', () => {
    expect(logDomain(1, 1).domain).toEqual([1, 10]);
  });
});
