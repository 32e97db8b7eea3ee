/**
 * Block provenance for a page whose truth was written by hand (lib/ingest/fixtures, the seed): each
 * input block located in the expected reconstruction by its text. Generated pages carry exact
 * provenance (lib/gen/real); this lets the trainer learn from hand-written pages too.
 */
import { splitBlocks } from '../blocks';
import type { PageLike } from '../eval';
import { readRawPage } from '../raw';

export interface LocatedBlock {
  line: number;
  role: string;
  article: number;
  para?: number;
  start?: number;
  end?: number;
  copy?: string;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Locates every block of `raw` (a whole file) in `expected`; blocks it cannot place are left out. */
export function locateBlocks(raw: string, name: string, expected: PageLike): LocatedBlock[] {
  const page = readRawPage(Buffer.from(raw), name);
  const furniture = new Set((expected.furniture ?? []).map(squash));
  const paras = expected.articles.map((a) => a.body.map((b) => squash(b.text)));
  const seen = new Set<string>();
  const out: LocatedBlock[] = [];
  for (const block of splitBlocks(page.text, page.firstLine)) {
    const t = squash(block.text);
    if (!t) continue;
    if (block.level > 0) {
      if (furniture.has(t)) {
        out.push({ line: block.line, role: 'banner', article: -1 });
        continue;
      }
      const k = expected.articles.findIndex((a) =>
        [a.headline, a.kicker, a.subheadline, `${a.kicker ?? ''}${a.headline}`].some((h) => h && squash(h) === t),
      );
      if (k >= 0) {
        out.push({ line: block.line, role: 'heading', article: k });
        continue;
      }
    }
    let placed = false;
    for (let k = 0; k < paras.length && !placed; k++) {
      for (let p = 0; p < paras[k]!.length && !placed; p++) {
        const start = paras[k]![p]!.indexOf(t);
        if (start < 0) continue;
        const id = `${k}:${p}:${start}`;
        out.push({
          line: block.line,
          role: block.level > 0 ? 'heading' : 'para',
          article: k,
          para: p,
          start,
          end: start + t.length,
          ...(seen.has(id) ? { copy: 'adjacent' } : {}),
        });
        seen.add(id);
        placed = true;
      }
    }
    if (!placed && furniture.has(t)) out.push({ line: block.line, role: 'furniture', article: -1 });
  }
  return out;
}
