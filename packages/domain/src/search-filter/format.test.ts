import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { FilterComparison, FilterExpr, FilterField, FilterLiteral } from './ast';
import { FilterSyntaxError } from './errors';
import { filterFields, filterFormat } from './format';
import { FILTER_MAX_LENGTH, filterParse } from './parser';
import { FILTER_STATUSES } from './rules';
import { strip } from './test-support';

const canonical = (input: string) => filterFormat(filterParse(input));
const span = { start: 0, end: 0 };
const a: FilterExpr = { type: 'compare', field: { kind: 'metric', key: 'a' }, op: '>', value: { type: 'number', value: 1 }, span };
const b: FilterExpr = { type: 'null', field: { kind: 'tag', key: 'b' }, negated: false, span };
const c: FilterExpr = { type: 'like', field: { kind: 'param', key: 'c' }, op: 'LIKE', negated: true, pattern: 'x%', span };

describe('filterFormat', () => {
  it('prints canonical text: upper-case keywords, plural prefixes, backtick keys, single quotes', () => {
    expect(canonical(`metric.x>1 and (param."a b" like "x%" or NOT tags.t is null) OR run.name in ("p", 'q')`)).toBe(
      "metrics.x > 1 AND (params.`a b` LIKE 'x%' OR NOT tags.t IS NULL) OR run_name IN ('p', 'q')",
    );
  });

  it('prints resolved values: upper-case statuses and epoch-ms times', () => {
    expect(canonical("attributes.status != 'killed' AND created >= '2024-05-01'")).toBe("status != 'KILLED' AND created >= 1714521600000");
  });

  it('prints special numbers so they read back the same', () => {
    expect(canonical('metrics.a = -0 OR metrics.a != NaN OR metrics.a < -Infinity OR metrics.a > 1e21 OR metrics.a < .5e-7')).toBe(
      'metrics.a = -0 OR metrics.a != NaN OR metrics.a < -Infinity OR metrics.a > 1e+21 OR metrics.a < 5e-8',
    );
  });

  it('escapes quotes and backslashes but keeps LIKE escapes readable', () => {
    expect(canonical(`params.x = "it's" OR tags.\`a\`\`b\\\\c\` IS NULL`)).toBe("params.x = 'it''s' OR tags.`a\\`b\\\\c` IS NULL");
    // The pattern value is a\_b\% (escaped _ and escaped %): \_ and \% print as they are.
    expect(canonical(String.raw`params.y LIKE 'a\_b\\%'`)).toBe(String.raw`params.y LIKE 'a\_b\%'`);
    // A backslash before anything else is doubled: the value \\% (literal backslash, then %) prints as \\\%.
    const literalBackslash = filterParse(String.raw`params.y LIKE '\\\%'`);
    expect(literalBackslash?.type === 'like' && literalBackslash.pattern).toBe(String.raw`\\%`);
    expect(filterFormat(literalBackslash)).toBe(String.raw`params.y LIKE '\\\%'`);
  });

  it('parenthesises only where precedence or grouping needs it', () => {
    expect(filterFormat({ type: 'or', items: [{ type: 'and', items: [a, b] }, c] })).toBe(
      "metrics.a > 1 AND tags.b IS NULL OR params.c NOT LIKE 'x%'",
    );
    expect(filterFormat({ type: 'and', items: [{ type: 'or', items: [a, b] }, { type: 'and', items: [b, c] }] })).toBe(
      "(metrics.a > 1 OR tags.b IS NULL) AND (tags.b IS NULL AND params.c NOT LIKE 'x%')",
    );
    expect(filterFormat({ type: 'or', items: [a, { type: 'or', items: [b, c] }] })).toBe(
      "metrics.a > 1 OR (tags.b IS NULL OR params.c NOT LIKE 'x%')",
    );
    expect(filterFormat({ type: 'not', item: { type: 'and', items: [a, b] } })).toBe('NOT (metrics.a > 1 AND tags.b IS NULL)');
    expect(filterFormat({ type: 'not', item: { type: 'not', item: a } })).toBe('NOT NOT metrics.a > 1');
  });

  it('prints no filter as empty text', () => {
    expect(filterFormat(null)).toBe('');
  });

  it('prints a one-item group as its item and refuses an empty one', () => {
    expect(filterFormat({ type: 'and', items: [a] })).toBe('metrics.a > 1');
    expect(() => filterFormat({ type: 'or', items: [] })).toThrow(RangeError);
  });
});

describe('filterFields', () => {
  it('lists each field once, in order of first use, with aliases merged', () => {
    const expr = filterParse("metrics.a > 1 AND (name = 'x' OR NOT metrics.a < 0) AND run_name LIKE 'y%' AND params.a IS NULL AND tags.a IN ('z')");
    expect(filterFields(expr)).toEqual<FilterField[]>([
      { kind: 'metric', key: 'a' },
      { kind: 'attribute', name: 'run_name' },
      { kind: 'param', key: 'a' },
      { kind: 'tag', key: 'a' },
    ]);
  });

  it('returns no fields for no filter', () => {
    expect(filterFields(null)).toEqual([]);
  });
});

// Trees the parser can produce: every field class with the operators and literals its rules allow.
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom("'", '"', '\\', '`', '%', '_', ' ', '\n', ';', '-', '.', 'é', '🚀', '\u202E', '\u00A0', 'a', '0'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''))
  .filter((s) => !s.includes('\0'));
const key = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_\-/:]{1,10}$/), text.filter((s) => s.length > 0));
const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0.1, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY));
const finite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());

const num = (n: fc.Arbitrary<number>): fc.Arbitrary<FilterLiteral> => n.map((value) => ({ type: 'number', value }));
const str = (s: fc.Arbitrary<string>): fc.Arbitrary<FilterLiteral> => s.map((value) => ({ type: 'string', value }));
const ordered = fc.constantFrom('=', '!=', '<', '<=', '>', '>=' as const);
const equality = fc.constantFrom('=', '!=' as const);

const keyed = (kind: fc.Arbitrary<'metric' | 'param' | 'tag'>): fc.Arbitrary<FilterField> =>
  fc.record({ kind, key }).map((f) => f as FilterField);
const attribute = (...names: Extract<FilterField, { kind: 'attribute' }>['name'][]): fc.Arbitrary<FilterField> =>
  fc.constantFrom(...names).map((name) => ({ kind: 'attribute', name }));

const compare = (field: fc.Arbitrary<FilterField>, op: fc.Arbitrary<'=' | '!=' | '<' | '<=' | '>' | '>='>, value: fc.Arbitrary<FilterLiteral>) =>
  fc.record({ field, op, value }).map((r): FilterComparison => ({ type: 'compare', ...r, span }));
const like = (field: fc.Arbitrary<FilterField>) =>
  fc
    .record({ field, op: fc.constantFrom('LIKE', 'ILIKE' as const), negated: fc.boolean(), pattern: text })
    .map((r): FilterComparison => ({ type: 'like', ...r, span }));
const inList = (field: fc.Arbitrary<FilterField>, value: fc.Arbitrary<FilterLiteral>) =>
  fc
    .record({ field, negated: fc.boolean(), values: fc.array(value, { minLength: 1, maxLength: 4 }) })
    .map((r): FilterComparison => ({ type: 'in', ...r, span }));
const isNull = (field: fc.Arbitrary<FilterField>) =>
  fc.record({ field, negated: fc.boolean() }).map((r): FilterComparison => ({ type: 'null', ...r, span }));

const metric = keyed(fc.constant('metric'));
const paramOrTag = keyed(fc.constantFrom('param', 'tag'));
const textAttribute = attribute('run_id', 'run_name', 'user', 'source_commit');
const status = attribute('status');
const time = attribute('start_time', 'end_time', 'created');
const experiment = attribute('experiment_id');
const statusValue = str(fc.constantFrom(...FILTER_STATUSES));

const comparison: fc.Arbitrary<FilterExpr> = fc.oneof(
  compare(metric, ordered, num(anyNumber)),
  inList(metric, num(anyNumber)),
  isNull(metric),
  compare(paramOrTag, ordered, num(anyNumber)),
  compare(paramOrTag, equality, str(text)),
  like(paramOrTag),
  inList(paramOrTag, num(anyNumber)),
  inList(paramOrTag, str(text)),
  isNull(paramOrTag),
  compare(textAttribute, equality, str(text)),
  like(textAttribute),
  inList(textAttribute, str(text)),
  compare(status, equality, statusValue),
  like(status),
  inList(status, statusValue),
  compare(time, ordered, num(finite)),
  inList(time, num(finite)),
  isNull(time),
  compare(experiment, ordered, num(fc.nat())),
  inList(experiment, num(fc.nat())),
);

const { expr } = fc.letrec<{ expr: FilterExpr; group: FilterExpr; not: FilterExpr }>((tie) => ({
  expr: fc.oneof({ maxDepth: 3, depthIdentifier: 'filter' }, comparison, tie('group'), tie('not')),
  group: fc
    .record({ type: fc.constantFrom('and', 'or' as const), items: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }) })
    .map((g): FilterExpr => g),
  not: tie('expr').map((item): FilterExpr => ({ type: 'not', item })),
}));

describe('filterFormat round trip', () => {
  it('parses its own output back to the same tree', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        const printed = filterFormat(tree);
        fc.pre(printed.length <= FILTER_MAX_LENGTH);
        expect(strip(filterParse(printed))).toEqual(strip(tree));
      }),
      { numRuns: 500 },
    );
  });

  it('is stable: printing a parsed print changes nothing', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        const printed = filterFormat(tree);
        fc.pre(printed.length <= FILTER_MAX_LENGTH);
        expect(filterFormat(filterParse(printed))).toBe(printed);
      }),
    );
  });
});

/** Runs the parser on any text and checks it either gives a tree or a well-placed FilterSyntaxError. */
function parsesOrFailsCleanly(input: string): FilterExpr | null | FilterSyntaxError {
  try {
    return filterParse(input);
  } catch (e) {
    expect(e).toBeInstanceOf(FilterSyntaxError);
    const err = e as FilterSyntaxError;
    expect(err.position).toBeGreaterThanOrEqual(0);
    expect(err.end).toBeGreaterThanOrEqual(err.position);
    expect(err.end).toBeLessThanOrEqual(input.length);
    expect(err.line).toBeGreaterThanOrEqual(1);
    expect(err.column).toBeGreaterThanOrEqual(1);
    return err;
  }
}

describe('filterParse on arbitrary input', () => {
  it('never throws anything but a FilterSyntaxError pointing inside the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        parsesOrFailsCleanly(input);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips whatever it accepts from a soup of filter tokens', () => {
    const token = fc.constantFrom(
      'metrics.a', 'params."x y"', 'tags.`k`', 'status', 'start_time', 'run_name', 'experiment_id', 'AND', 'or', 'NOT',
      '(', ')', '=', '!=', '<', '>=', 'IN', 'LIKE', 'ilike', 'IS', 'NULL', ',', "'s'", "'RUNNING'", "'2024-05-01'",
      '1', '-2.5', 'NaN', "'it''s'", '"q"', '\\', ';', '--',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const input = tokens.join(' ');
        const result = parsesOrFailsCleanly(input);
        if (result instanceof FilterSyntaxError || result === null) return;
        expect(strip(filterParse(filterFormat(result)))).toEqual(strip(result));
      }),
      { numRuns: 2000 },
    );
  });
});
