import { describe, expect, it } from 'vitest';
import { defaultModel, pickerOrder } from './model-order';

const m = (id: number, name: string, windows: number, openAlerts: number) => ({ id, name, windows, openAlerts });

describe('model order', () => {
  it('lists watched models by name before models that send nothing', () => {
    expect(pickerOrder([m(1, 'zeta', 0, 0), m(2, 'beta', 10, 0), m(3, 'alpha', 0, 1)]).map((x) => x.name)).toEqual(['alpha', 'beta', 'zeta']);
  });

  it('opens the first model with an open alert, else the first with windows', () => {
    expect(defaultModel([m(1, 'a', 5, 0), m(2, 'b', 5, 2), m(3, 'c', 5, 1)])?.id).toBe(2);
    expect(defaultModel([m(1, 'b', 0, 0), m(2, 'c', 5, 0)])?.id).toBe(2);
    expect(defaultModel([m(1, 'b', 0, 0)])?.id).toBe(1);
    expect(defaultModel([])).toBeUndefined();
  });
});
