// The syntax tree of a run-search filter: typed values only, never SQL text, so the
// compiler can bind every literal and key as a parameter.

/** A column a filter can test: the latest value of a metric, a param, a tag, or a run attribute. */
export type FilterField =
  | { kind: 'metric'; key: string }
  | { kind: 'param'; key: string }
  | { kind: 'tag'; key: string }
  | {
      kind: 'attribute';
      name: 'run_id' | 'run_name' | 'status' | 'start_time' | 'end_time' | 'user' | 'source_commit' | 'experiment_id' | 'created';
    };

/** Run attribute names, after aliases (`name`, `user_id`) are resolved. */
export type FilterAttribute = Extract<FilterField, { kind: 'attribute' }>['name'];

/**
 * A literal as the user typed its kind: a number against a param or tag asks for a numeric
 * comparison, a string for a text one. Times are already epoch milliseconds (numbers) and
 * statuses upper case. Numbers may be NaN or ±Infinity only for metrics, params and tags.
 */
export type FilterLiteral = { type: 'number'; value: number } | { type: 'string'; value: string };

/** Where a comparison sits in the input: 0-based UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One test of one field. `like.pattern` is an SQL LIKE pattern: `%` and `_` are wildcards and
 * a backslash escapes them (the user's `\%` and `\_` are kept as written), so compile it with
 * backslash as the escape character. `in.values` is non-empty and all of one literal type.
 */
export type FilterComparison =
  | { type: 'compare'; field: FilterField; op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: FilterLiteral; span: Span }
  | { type: 'like'; field: FilterField; op: 'LIKE' | 'ILIKE'; negated: boolean; pattern: string; span: Span }
  | { type: 'in'; field: FilterField; negated: boolean; values: FilterLiteral[]; span: Span }
  | { type: 'null'; field: FilterField; negated: boolean; span: Span };

/** A whole filter. The parser gives `and`/`or` at least two items; parentheses keep their nesting. */
export type FilterExpr =
  | FilterComparison
  | { type: 'and' | 'or'; items: FilterExpr[] }
  | { type: 'not'; item: FilterExpr };
