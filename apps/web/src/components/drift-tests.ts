// Drift tests in words: each test's short and full name, whether its score is a p-value or a
// distance, and the rule the server applies. Shared by the data drift report and the monitoring heat map.
import type { DriftTest } from '@quorum/domain';

export interface DriftTestInfo {
  label: string;
  title: string;
  score: 'p-value' | 'distance';
}

const TESTS: Record<DriftTest, DriftTestInfo> = {
  ks: { label: 'K–S', title: 'Two-sample Kolmogorov–Smirnov test', score: 'p-value' },
  chisquare: { label: 'chi-square', title: "Pearson's chi-square test", score: 'p-value' },
  z: { label: 'Z-test', title: 'Two-proportion Z-test', score: 'p-value' },
  wasserstein: { label: 'Wasserstein', title: 'Wasserstein distance, normed by the reference standard deviation', score: 'distance' },
  jensenshannon: { label: 'Jensen–Shannon', title: 'Jensen–Shannon distance', score: 'distance' },
  psi: { label: 'PSI', title: 'Population stability index', score: 'distance' },
  kl_div: { label: 'K–L divergence', title: 'Kullback–Leibler divergence', score: 'distance' },
};

/** A test's short name, full name and whether its score is a p-value or a distance. */
export function driftTestInfo(test: string): DriftTestInfo {
  return TESTS[test as DriftTest] ?? { label: test, title: test, score: 'distance' };
}

/**
 * When the column counts as drifted, as the server decided it (ks: ≤, other tests: <, distances: ≥):
 * "drifted when the p-value is ≤ 0.05". `verb` opens the sentence; `score` defaults to the test's own kind.
 */
export function driftRuleText(test: string, threshold: number, verb = 'drifted', score: DriftTestInfo['score'] = driftTestInfo(test).score): string {
  if (score === 'distance') return `${verb} when the distance is ≥ ${threshold}`;
  return `${verb} when the p-value is ${test === 'ks' ? '≤' : '<'} ${threshold}`;
}
