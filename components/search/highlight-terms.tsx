'use client';
/**
 * Drop into the article page: marks the terms given as ?hl= in the article text and scrolls the
 * first into view. Only text nodes are touched; the published text itself is never changed.
 */
import { useEffect } from 'react';

type Props = { selector?: string };

export function HighlightTerms({ selector = 'article' }: Props) {
  useEffect(() => {
    const terms = new URLSearchParams(window.location.search).getAll('hl').filter(Boolean);
    const root = document.querySelector(selector);
    if (!terms.length || !root) return;
    // The matcher is search code: it loads only when a search result was opened, never with the page.
    let undo = () => {};
    let live = true;
    void import('@/lib/search/snippet').then(({ matchRanges }) => {
      if (live) undo = mark(root, terms, matchRanges);
    });
    return () => {
      live = false;
      undo();
    };
  }, [selector]);
  return null;
}

type Matcher = (text: string, terms: string[]) => [number, number][];

/** Wraps every match in a <mark>, scrolls the first visible one into view; returns the undo. */
function mark(root: Element, terms: string[], matchRanges: Matcher): () => void {
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
}
