// A small Markdown reader for model cards: headings, paragraphs, lists, quotes, pipe
// tables, fenced code, bold, italic, inline code and http(s) links. It builds a tree that
// React renders as elements, so raw HTML in a card shows as text and never runs.

export type RegInline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong'; c: RegInline[] }
  | { t: 'em'; c: RegInline[] }
  | { t: 'link'; href: string; c: RegInline[] };

export type RegBlock =
  | { t: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; c: RegInline[] }
  | { t: 'paragraph'; c: RegInline[] }
  | { t: 'list'; ordered: boolean; items: RegInline[][] }
  | { t: 'quote'; c: RegInline[] }
  | { t: 'code'; v: string }
  | { t: 'table'; head: RegInline[][]; rows: RegInline[][][] }
  | { t: 'rule' };

const INLINE =
  /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__|\*(?=[^\s*])([\s\S]*?[^\s*])\*|(?<![\p{L}\p{N}])_(?=[^\s_])([\s\S]*?[^\s_])_(?![\p{L}\p{N}])|\[([^\]]+)\]\(([^()\s]+)\)/gu;

/** Only web links become links; javascript:, data: and the like stay text. */
const SAFE_HREF = /^https?:\/\//i;

export function regMarkdownInline(s: string): RegInline[] {
  const out: RegInline[] = [];
  let last = 0;
  const push = (node: RegInline) => {
    const prev = out[out.length - 1];
    if (node.t === 'text' && prev?.t === 'text') prev.v += node.v;
    else out.push(node);
  };
  for (const m of s.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) push({ t: 'text', v: s.slice(last, at) });
    last = at + m[0].length;
    const [, , code, strongA, strongB, emA, emB, linkText, href] = m;
    if (code !== undefined) push({ t: 'code', v: code.trim() === '' ? code : code.replace(/^ (.*) $/, '$1') });
    else if (strongA !== undefined || strongB !== undefined) push({ t: 'strong', c: regMarkdownInline(strongA ?? strongB ?? '') });
    else if (emA !== undefined || emB !== undefined) push({ t: 'em', c: regMarkdownInline(emA ?? emB ?? '') });
    else if (linkText !== undefined && href !== undefined) {
      if (SAFE_HREF.test(href)) push({ t: 'link', href, c: regMarkdownInline(linkText) });
      else push({ t: 'text', v: m[0] });
    }
  }
  if (last < s.length) push({ t: 'text', v: s.slice(last) });
  return out;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => regMarkdownInline(c.trim()));

/** The card as blocks; anything unrecognised reads as a paragraph. */
export function regMarkdownParse(source: string): RegBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: RegBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++;
      blocks.push({ t: 'code', v: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ t: 'heading', level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, c: regMarkdownInline(heading[2]!) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ t: 'rule' });
      i++;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]!)) {
      const head = cells(line);
      const rows: RegInline[][][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim() !== '') rows.push(cells(lines[i++]!));
      blocks.push({ t: 'table', head, rows });
      continue;
    }
    const listKind = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (listKind) {
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') {
        const item = listKind.exec(lines[i]!);
        // An indented line continues the item above it.
        if (item) items.push(item[1]!);
        else if (items.length > 0) items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i++;
      }
      blocks.push({ t: 'list', ordered: listKind === NUMBERED, items: items.map(regMarkdownInline) });
      continue;
    }
    if (line.trimStart().startsWith('>')) {
      const text: string[] = [];
      while (i < lines.length && lines[i]!.trimStart().startsWith('>')) text.push(lines[i++]!.trimStart().replace(/^>\s?/, ''));
      blocks.push({ t: 'quote', c: regMarkdownInline(text.join(' ')) });
      continue;
    }
    const text: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !HEADING.test(lines[i]!) && !FENCE.test(lines[i]!) && !(text.length > 0 && (BULLET.test(lines[i]!) || NUMBERED.test(lines[i]!)))) {
      text.push(lines[i++]!.trim());
    }
    blocks.push({ t: 'paragraph', c: regMarkdownInline(text.join(' ')) });
  }
  return blocks;
}
