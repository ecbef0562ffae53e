// Run-search filter language: parse text to a typed AST, list its fields, print it back.
export type { FilterAttribute, FilterComparison, FilterExpr, FilterField, FilterLiteral, Span } from './ast';
export { FilterSyntaxError } from './errors';
export { filterParse, FILTER_MAX_COMPARISONS, FILTER_MAX_DEPTH, FILTER_MAX_IN_VALUES, FILTER_MAX_LENGTH } from './parser';
export { filterFields, filterFormat } from './format';
export { FILTER_STATUSES } from './rules';
