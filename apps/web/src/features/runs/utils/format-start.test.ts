import { expect, it } from 'vitest';
import { formatStart } from './format-start';

const now = new Date(2026, 10, 27, 9, 30).getTime();

it('shows only the time for today, day and time this year, the year before that', () => {
  expect(formatStart(new Date(2026, 10, 27, 7, 5).getTime(), now)).toBe('Today 07:05');
  expect(formatStart(new Date(2026, 10, 26, 14, 3).getTime(), now)).toBe('26 Nov 14:03');
  expect(formatStart(new Date(2025, 0, 3, 14, 3).getTime(), now)).toBe('3 Jan 2025');
});
