/**
 * The no-loss invariant: every block of the input is found in an article, in the furniture or in
 * the repair log. Used by the tests on every page they parse, and by the newsroom's repair report.
 */
import { splitBlocks, type RawBlock } from './blocks';
import type { Page } from './types';

const strip = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[■□●▲◆◇★☆*_>]/g, '')
    .replace(/\s+/g, '');

/** The places a block's text may have gone to, each normalized. */
function haystack(page: Page): string[] {
  const out: string[] = [...page.furniture, ...page.repairs.map((r) => r.text)];
  for (const a of page.articles) {
    out.push([a.kicker, a.headline, a.subheadline].filter(Boolean).join(' '));
    out.push(a.bylines.map((b) => `${b.role}${b.names.join('')}`).join(''));
    for (const b of a.body) out.push(b.text);
  }
  return out.map(strip);
}

/** Blocks of `text` whose content appears nowhere in `page`. Empty when nothing was lost. */
export function lostBlocks(text: string, page: Page, firstLine = 1): RawBlock[] {
  const hay = haystack(page);
  return splitBlocks(text, firstLine).filter((b) => {
    const needle = strip(b.raw);
    return needle !== '' && !hay.some((h) => h.includes(needle));
  });
}
