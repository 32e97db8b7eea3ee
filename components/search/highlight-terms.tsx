'use client';
/**
 * Drop into the article page: marks the terms given as ?hl= in the article text and scrolls the
 * first into view. Only text nodes are touched; the published text itself is never changed.
 */
import { useEffect } from 'react';
import { matchRanges } from '@/lib/search/snippet';

type Props = { selector?: string };

export function HighlightTerms({ selector = 'article' }: Props) {
  useEffect(() => {
    const terms = new URLSearchParams(window.location.search).getAll('hl').filter(Boolean);
    const root = document.querySelector(selector);
    if (!terms.length || !root) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const marks: HTMLElement[] = [];
    for (const node of nodes) {
      const text = node.data;
      const ranges = matchRanges(text, terms);
      for (let i = ranges.length - 1; i >= 0; i--) {
        const [a, b] = ranges[i]!;
        const hit = node.splitText(a);
        hit.splitText(b - a);
        const mark = document.createElement('mark');
        mark.dataset.hl = '';
        hit.replaceWith(mark);
        mark.append(hit);
        marks.unshift(mark);
      }
    }
    // After the page's own effects (which may restore a scroll position), bring the first visible match into view.
    const frame = requestAnimationFrame(() =>
      marks.find((m) => m.getClientRects().length > 0)?.scrollIntoView({ block: 'center' }),
    );
    return () => {
      cancelAnimationFrame(frame);
      for (const m of marks) m.replaceWith(...m.childNodes);
      root.normalize();
    };
  }, [selector]);
  return null;
}
