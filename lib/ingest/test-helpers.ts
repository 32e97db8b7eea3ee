/** Test helpers: parse a raw page and check the no-loss invariant on every page a test parses. */
import { expect } from 'vitest';
import { lostBlocks } from './coverage';
import { parsePage } from './parse';
import type { Page, PageMeta } from './types';

export const META: PageMeta = { paper: '青禾日报', date: '2025-03-12', page: 1, pageName: '要闻' };

/** Parses `text` and fails the test if any input block was lost. */
export function parseChecked(text: string, meta: PageMeta = META): Page {
  const page = parsePage(text, meta);
  const lost = lostBlocks(text, page).map((b) => `line ${b.line}: ${b.raw}`);
  expect(lost, 'blocks lost by the parser').toEqual([]);
  return page;
}

/** The page in the shape of expected-page.json: no ids, no repairs. */
export function withoutIds(page: Page) {
  return {
    furniture: page.furniture,
    articles: page.articles.map(({ id: _id, ...rest }) => rest),
  };
}

export const texts = (page: Page, i = 0) => page.articles[i]!.body.map((b) => (b.type === 'h' ? `## ${b.text}` : b.text));

/** Encodes text as GB18030 without a library: invert the platform decoder over the needed characters. */
export function encodeGbk(text: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  for (let hi = 0x81; hi <= 0xfe && table.size < wanted.size; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const c of text) {
    const bytes = c.charCodeAt(0) <= 0x7f ? [c.charCodeAt(0)] : table.get(c);
    if (!bytes) throw new Error(`no GBK code for ${c}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
