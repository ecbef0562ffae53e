// The one error the statistics functions throw: which rule the input broke, and where.

/** Why an input was refused; stable strings a caller can branch on. */
export type StatsInputErrorCode =
  | 'EMPTY_SAMPLE'
  | 'NOT_FINITE'
  | 'LENGTH_MISMATCH'
  | 'NEGATIVE_COUNT'
  | 'ZERO_TOTAL'
  | 'ZERO_EXPECTED'
  | 'SUM_MISMATCH'
  | 'OUT_OF_RANGE'
  | 'INVALID_VALUE'
  | 'INVALID_LABEL'
  | 'INVALID_OPTION'
  | 'EMPTY_FACET'
  | 'BAD_BUCKETS';

/** Input a statistic cannot be computed from (empty, NaN, mismatched, negative...). */
export class StatsInputError extends Error {
  override readonly name = 'StatsInputError';
  readonly code: StatsInputErrorCode;

  constructor(code: StatsInputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
