// Helpers the search-filter tests share: trees without spans, expected errors, builders.
import type { FilterExpr, FilterField } from './ast';
import { FilterSyntaxError } from './errors';
import { filterParse } from './parser';

/** The tree without spans, for comparing shapes. */
export function strip(e: FilterExpr | null): unknown {
  if (e === null) return null;
  switch (e.type) {
    case 'and':
    case 'or':
      return { type: e.type, items: e.items.map(strip) };
    case 'not':
      return { type: 'not', item: strip(e.item) };
    default: {
      const { span: _span, ...rest } = e;
      return rest;
    }
  }
}

export const parse = (input: string) => strip(filterParse(input));

/** The FilterSyntaxError the input must raise. */
export function parseError(input: string): FilterSyntaxError {
  try {
    filterParse(input);
  } catch (e) {
    if (e instanceof FilterSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a FilterSyntaxError for ${JSON.stringify(input)}`);
}

export const metric = (key: string): FilterField => ({ kind: 'metric', key });
export const param = (key: string): FilterField => ({ kind: 'param', key });
export const tag = (key: string): FilterField => ({ kind: 'tag', key });
export const attr = (name: Extract<FilterField, { kind: 'attribute' }>['name']): FilterField => ({ kind: 'attribute', name });
export const num = (value: number) => ({ type: 'number', value }) as const;
export const str = (value: string) => ({ type: 'string', value }) as const;
export const gt = (key: string, value: number) => ({ type: 'compare', field: metric(key), op: '>', value: num(value) });
