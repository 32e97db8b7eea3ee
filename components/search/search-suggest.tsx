'use client';
/**
 * The search form with results as you type. Without JavaScript it is a plain GET form. The index and
 * its code (lib/search/client) are loaded only once the reader types, never with the page.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { isTraditional } from '@/lib/i18n/locales';
import type { SearchClient } from '@/lib/search/client';
import type { SearchHit, SearchResult } from '@/lib/search/types';
import { Marked } from './marked';
import { resultHref } from './result-href';

type Labels = Record<'label' | 'placeholder' | 'submit' | 'suggestions' | 'all' | 'none' | 'failed', string>;
type Props = { action: string; locale: string; labels: Labels };

const DEBOUNCE_MS = 150;
/** What the list shows of a result: its hits, and the terms their links carry. */
type Shown = Pick<SearchResult, 'hits' | 'terms'>;
let client: Promise<SearchClient> | undefined;

function getClient(): Promise<SearchClient> {
  // The static export serves the index files from /search/ (no server to answer /api/search).
  const base = process.env.DUBAO_STATIC ? '/search' : '/api/search';
  return (client ??= import('@/lib/search/client').then((m) => new m.SearchClient(base)));
}

/**
 * The hits in Traditional script, converted by the server (the dictionary is too big to send to the
 * browser): headlines, snippets and the terms the article page marks. As published when there is no
 * server to ask (the static export) or it does not answer.
 */
async function traditional(res: Shown): Promise<Shown> {
  if (process.env.DUBAO_STATIC || res.hits.length === 0) return res;
  try {
    const answer = await fetch('/api/traditional', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ hits: res.hits, terms: res.terms }),
    });
    return answer.ok ? ((await answer.json()) as Shown) : res;
  } catch {
    return res;
  }
}

export function SearchSuggest({ action, locale, labels }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ q: string; hits: SearchHit[]; terms: string[] } | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      try {
        const res = await (await getClient()).search(q, { limit: 8 });
        if (mine !== seq.current) return;
        const local = isTraditional(locale) ? await traditional(res) : res;
        if (mine !== seq.current) return;
        setHits({ q, hits: local.hits, terms: local.terms });
        setFailed(false);
        setActive(-1);
      } catch {
        if (mine === seq.current) setFailed(true);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, locale]);

  const shown = open && query.trim() !== '' && (hits !== null || failed);
  const items = hits?.hits ?? [];
  const allHref = `${action}?q=${encodeURIComponent(query.trim())}`;

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!shown) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = items.length + 1; // the hits, then "all results"
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      const hit = items[active];
      window.location.assign(hit ? resultHref(locale, hit, hits?.terms ?? []) : allHref);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  return (
    <form
      role="search"
      method="get"
      action={action}
      className="search-box relative"
      onSubmit={() => setOpen(false)}
    >
      <label className="sr-only" htmlFor={`${id}-q`}>
        {labels.label}
      </label>
      <input
        id={`${id}-q`}
        name="q"
        type="search"
        autoComplete="off"
        placeholder={labels.placeholder}
        value={query}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
          void getClient();
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <button type="submit">{labels.submit}</button>
      {shown && (
        <ul
          id={listId}
          role="listbox"
          aria-label={labels.suggestions}
          className="search-suggest absolute right-0 z-20 mt-1 w-[28rem] max-w-[90vw] border border-rule bg-paper p-1 text-left shadow"
        >
          {failed && <li className="p-2 text-sm">{labels.failed}</li>}
          {!failed && items.length === 0 && <li className="p-2 text-sm">{labels.none}</li>}
          {items.map((hit, i) => (
            <li
              key={`${hit.date}-${hit.id}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
            >
              <a
                href={resultHref(locale, hit, hits?.terms ?? [])}
                className={`block p-2 no-underline ${i === active ? 'bg-rule/30' : ''}`}
              >
                <span className="block font-bold">
                  <Marked segments={hit.headline} />
                </span>
                <small className="block">
                  {hit.date} · {hit.page}
                </small>
                <small className="block">
                  <Marked segments={hit.snippet} />
                </small>
              </a>
            </li>
          ))}
          <li id={`${id}-opt-${items.length}`} role="option" aria-selected={active === items.length}>
            <a href={allHref} className={`block p-2 text-sm ${active === items.length ? 'bg-rule/30' : ''}`}>
              {labels.all}
            </a>
          </li>
        </ul>
      )}
    </form>
  );
}
