// Public surface of the statistics library: drift tests, fairness metrics and latency percentiles.
export { StatsInputError, type StatsInputErrorCode } from './errors';
export type { NumericInput } from './sample';
export type { Category } from './categories';
export type { DriftBinKey } from './binning';
export { driftKs, type DriftKsMethod, type DriftKsOptions, type DriftKsResult } from './ks';
export { driftPsi, type DriftBin, type DriftPsiBinning, type DriftPsiOptions, type DriftPsiResult } from './psi';
export {
  driftJensenShannon,
  driftKlDiv,
  driftWasserstein,
  type DriftJensenShannonOptions,
  type DriftWassersteinOptions,
} from './distances';
export {
  driftChi2Contingency,
  driftChiSquare,
  type DriftChi2ContingencyOptions,
  type DriftChi2ContingencyResult,
  type DriftChiSquareResult,
} from './chi2';
export { driftZTest, type DriftZTestResult } from './ztest';
export {
  driftColumn,
  driftDataset,
  type DriftCell,
  type DriftColumnKind,
  type DriftColumnOptions,
  type DriftColumnResult,
  type DriftDatasetColumn,
  type DriftDatasetOptions,
  type DriftDatasetResult,
  type DriftTest,
} from './column';
export type { BinaryLabel } from './labels';
export {
  fairnessMetrics,
  type FairnessDisparateImpact,
  type FairnessInput,
  type FairnessMethod,
  type FairnessMetricsResult,
  type FairnessOptions,
  type FairnessRates,
} from './fairness';
export {
  fairnessClarify,
  type ClarifyCounts,
  type ClarifyInput,
  type ClarifyPosttraining,
  type ClarifyPretraining,
  type ClarifyResult,
} from './clarify';
export { histogramQuantile, percentile, type HistogramBucket, type PercentileMethod, type PercentileOptions } from './percentile';
