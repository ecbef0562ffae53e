// Production monitoring: per-window statistics and evaluation against ground truth.
export {
  MONITOR_EXPAND_LIMIT,
  type MonitorFeatureCell,
  type MonitorFeatureCounts,
  type MonitorFeatureHistogram,
  type MonitorFeatureInput,
  type MonitorFeatureSource,
  type MonitorReferenceColumn,
  type MonitorUnmatched,
  type MonitorUnmatchedReason,
} from './features';
export {
  MONITOR_TOP_LABELS,
  monitorLatency,
  monitorPredictionSummary,
  monitorScoreKind,
  monitorWindowCompute,
  type MonitorDrift,
  type MonitorDriftColumn,
  type MonitorLatency,
  type MonitorLatencyInput,
  type MonitorPrediction,
  type MonitorPredictionSummary,
  type MonitorWindow,
  type MonitorWindowInput,
  type MonitorWindowOptions,
} from './window';
export {
  EVALUATION_MAX_INFERRED_CLASSES,
  evaluationMetrics,
  type EvaluationClassification,
  type EvaluationLabel,
  type EvaluationMetrics,
  type EvaluationOptions,
  type EvaluationPair,
  type EvaluationRegression,
  type EvaluationTask,
} from './evaluation';
