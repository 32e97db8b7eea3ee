/**
 * Links the parts of a story printed across pages: the part ending (下转2版) to the part on page 2
 * that starts (上接1版). Papers reprint the headline on the continuation, often shortened, so the
 * match is: same page pair, then headline similarity, then print order for what is left.
 */
import type { Article } from '@/lib/ingest/types';

export type JumpTarget =
  /** The continuation (or the start) was found: link to it. */
  | { kind: 'article'; page: number; articleId: string }
  /** The page is in the archive but the part was not recognised on it: link to the page. */
  | { kind: 'page'; page: number }
  /** The page is not in the archive: say so in words. */
  | { kind: 'missing'; page: number };

export interface StoryLinks {
  /** Where a (下转N版) leads. */
  next?: JumpTarget;
  /** Where a (上接N版) leads back to. */
  prev?: JumpTarget;
}

export interface PageArticles {
  page: number;
  articles: readonly Article[];
}

/** Punctuation and spaces do not tell headlines apart. */
function normalize(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Dice coefficient over character bigrams, 1 when one headline contains the other. */
export function headlineSimilarity(a: string, b: string): number {
  const x = normalize(a);
  const y = normalize(b);
  if (!x || !y) return 0;
  if (x.includes(y) || y.includes(x)) return 1;
  const bx = bigrams(x);
  const counts = new Map<string, number>();
  for (const g of bx) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  const by = bigrams(y);
  for (const g of by) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (bx.length + by.length);
}

function storyScore(start: Article, part: Article): number {
  const startHeads = [start.headline, start.kicker, start.subheadline].filter(Boolean) as string[];
  const partHeads = [part.headline, part.kicker, part.subheadline].filter(Boolean) as string[];
  let best = 0;
  for (const s of startHeads) for (const p of partHeads) best = Math.max(best, headlineSimilarity(s, p));
  return best;
}

const MIN_SCORE = 0.3;

/** For every article that jumps or is continued, where its jump line leads. */
export function linkContinuations(pages: readonly PageArticles[]): Map<string, StoryLinks> {
  const byNumber = new Map(pages.map((p) => [p.page, p]));
  const links = new Map<string, StoryLinks>();
  const set = (id: string, key: keyof StoryLinks, target: JumpTarget) => {
    links.set(id, { ...links.get(id), [key]: target });
  };

  // Group the jumps by (from page, to page); match each group against that page's continuations.
  const groups = new Map<string, { from: number; to: number; starts: Article[] }>();
  for (const p of pages) {
    for (const a of p.articles) {
      if (!a.jump) continue;
      const key = `${p.page}>${a.jump.toPage}`;
      const g = groups.get(key) ?? { from: p.page, to: a.jump.toPage, starts: [] };
      g.starts.push(a);
      groups.set(key, g);
    }
  }

  const matched = new Set<string>();
  for (const { from, to, starts } of groups.values()) {
    const target = byNumber.get(to);
    if (!target) {
      for (const s of starts) set(s.id, 'next', { kind: 'missing', page: to });
      continue;
    }
    const parts = target.articles.filter((a) => a.continuedFrom?.fromPage === from && !matched.has(a.id));
    const pairs: { s: Article; p: Article; score: number }[] = [];
    for (const s of starts) for (const p of parts) pairs.push({ s, p, score: storyScore(s, p) });
    pairs.sort((x, y) => y.score - x.score);
    const done = new Set<string>();
    const pair = (s: Article, p: Article) => {
      done.add(s.id);
      matched.add(p.id);
      set(s.id, 'next', { kind: 'article', page: to, articleId: p.id });
      set(p.id, 'prev', { kind: 'article', page: from, articleId: s.id });
    };
    for (const { s, p, score } of pairs) {
      if (score < MIN_SCORE || done.has(s.id) || matched.has(p.id)) continue;
      pair(s, p);
    }
    // Headlines that share nothing: pair what is left in print order.
    const restStarts = starts.filter((s) => !done.has(s.id));
    const restParts = parts.filter((p) => !matched.has(p.id));
    restStarts.forEach((s, i) => {
      const p = restParts[i];
      if (p) pair(s, p);
      else set(s.id, 'next', { kind: 'page', page: to });
    });
  }

  // Continuations whose start was not found.
  for (const p of pages) {
    for (const a of p.articles) {
      if (!a.continuedFrom || links.get(a.id)?.prev) continue;
      const from = a.continuedFrom.fromPage;
      set(a.id, 'prev', byNumber.has(from) ? { kind: 'page', page: from } : { kind: 'missing', page: from });
    }
  }
  return links;
}

/** The ids of the parts of the story an article belongs to, first part first; null if it stands alone. */
export function storyChain(articleId: string, links: ReadonlyMap<string, StoryLinks>): string[] | null {
  let head = articleId;
  const seen = new Set([head]);
  for (;;) {
    const prev = links.get(head)?.prev;
    if (prev?.kind !== 'article' || seen.has(prev.articleId)) break;
    head = prev.articleId;
    seen.add(head);
  }
  const chain = [head];
  const visited = new Set(chain);
  for (let id = head; ; ) {
    const next = links.get(id)?.next;
    if (next?.kind !== 'article' || visited.has(next.articleId)) break;
    id = next.articleId;
    chain.push(id);
    visited.add(id);
  }
  return chain.length > 1 ? chain : null;
}
