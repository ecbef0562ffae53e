import { describe, expect, it } from 'vitest';
import { colourSequential } from './colour-scale';

describe('colourSequential', () => {
  it('runs from dark purple to green', () => {
    expect(colourSequential(0)).toBe('#440154');
    expect(colourSequential(1)).toBe('#90c83e');
  });
  it('clamps out-of-range and non-finite input', () => {
    expect(colourSequential(-3)).toBe(colourSequential(0));
    expect(colourSequential(7)).toBe(colourSequential(1));
    expect(colourSequential(Number.NaN)).toBe(colourSequential(0));
  });
  it('interpolates between stops', () => {
    expect(colourSequential(0.125)).not.toBe(colourSequential(0));
    expect(colourSequential(0.125)).not.toBe(colourSequential(0.25));
  });
});
