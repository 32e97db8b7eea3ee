'use client';
/**
 * "Share this passage": while text inside the article is selected, a small bar offers a link that
 * opens the article scrolled to that text (URL text fragment); the link is copied and shown.
 */
import { useEffect, useState } from 'react';
import { copyText, SHARE_BUTTON } from './copy-button';
import { passageDirective, passageUrl } from './text-fragment';

type Labels = { hint: string; passage: string; copied: string; failed: string; link: string; close: string };
type Props = { url: string; selector: string; lang: string; labels: Labels };

const BLOCKS = 'p, h1, h2, h3, h4, li, figcaption';

function blockOf(node: Node, root: Element): Element | null {
  const el = node instanceof Element ? node : node.parentElement;
  const block = el?.closest(BLOCKS) ?? null;
  return block && root.contains(block) ? block : null;
}

/** Offset of (node, offset) within block's text. */
function offsetIn(block: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function selectedDirective(root: Element, lang: string): string | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const start = blockOf(range.startContainer, root);
  const end = blockOf(range.endContainer, root);
  if (!start || !end) return null;
  return passageDirective(
    {
      startText: start.textContent ?? '',
      startOffset: offsetIn(start, range.startContainer, range.startOffset),
      endText: end.textContent ?? '',
      endOffset: offsetIn(end, range.endContainer, range.endOffset),
      sameBlock: start === end,
    },
    lang,
  );
}

export function PassageShare({ url, selector, lang, labels }: Props) {
  const [directive, setDirective] = useState<string | null>(null);
  const [shared, setShared] = useState<{ href: string; ok: boolean } | null>(null);

  useEffect(() => {
    const root = document.querySelector(selector);
    if (!root) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const next = selectedDirective(root, lang);
        // Keep the shared link on screen when the selection goes away because of the click.
        if (next) setShared(null);
        setDirective(next);
      }, 150);
    };
    document.addEventListener('selectionchange', update);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', update);
    };
  }, [selector, lang]);

  // The hint only makes sense where the bar can appear, that is with JavaScript.
  const hint = <p className="js-only mt-3 text-muted">{labels.hint}</p>;
  if (!directive && !shared) return hint;
  return (
    <>
      {hint}
      <div
        className="no-print fixed inset-x-2 bottom-3 z-20 mx-auto flex max-w-[36rem] flex-wrap items-center gap-2 border border-rule bg-paper p-2 font-sans text-sm shadow-lg"
        role="region"
        aria-label={labels.passage}
      >
        {shared ? (
          <>
            <p role="status" className="w-full text-red">
              {shared.ok ? `✓ ${labels.copied}` : labels.failed}
            </p>
            <p className="min-w-0 flex-1 break-all">
              <span className="sr-only">{labels.link}: </span>
              <a href={shared.href} data-passage-link="">
                {shared.href}
              </a>
            </p>
            <button type="button" className={SHARE_BUTTON} onClick={() => setShared(null)}>
              {labels.close}
            </button>
          </>
        ) : (
          <button
            type="button"
            className={SHARE_BUTTON}
            // Keep the selection: a mousedown on the button would otherwise clear it first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={async () => {
              if (!directive) return;
              const href = passageUrl(url, directive);
              setShared({ href, ok: await copyText(href) });
            }}
          >
            {labels.passage}
          </button>
        )}
      </div>
    </>
  );
}
