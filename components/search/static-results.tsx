'use client';
/**
 * The static export's results page: a static host cannot run the query, so the browser does, over
 * the static index files (/search/, written by npm run build:search). Reads ?q=&from=&to=&p= like
 * the server-rendered page and shows the same list; the form above it gets the query's values.
 */
import { useEffect, useState } from 'react';
import type { SearchResult } from '@/lib/search/types';
import { fill, ResultList, type ResultListLabels } from './result-list';

/** Server-translated templates: the list's, and the count's ({n}, {q} are filled in here). */
export type StaticResultsLabels = ResultListLabels &
  Record<'countOne' | 'countOther' | 'countAtLeastOne' | 'countAtLeastOther' | 'none' | 'failed', string>;
type Props = { locale: string; perPage: number; labels: StaticResultsLabels };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function StaticResults({ locale, perPage, labels }: Props) {
  const [state, setState] = useState<{
    q: string;
    from: string;
    to: string;
    page: number;
    result?: SearchResult;
    failed?: boolean;
  }>();

  useEffect(() => {
    const sp = new URLSearchParams(window.location.search);
    const q = (sp.get('q') ?? '').trim().slice(0, 200);
    const from = ISO.test(sp.get('from') ?? '') ? sp.get('from')! : '';
    const to = ISO.test(sp.get('to') ?? '') ? sp.get('to')! : '';
    const page = Math.max(1, Math.min(1000, Number.parseInt(sp.get('p') ?? '', 10) || 1));
    for (const [name, value] of Object.entries({ q, from, to })) {
      const input = document.querySelector<HTMLInputElement>(`.search-filters input[name="${name}"]`);
      if (input) input.value = value;
    }
    if (!q) return;
    let live = true;
    import('@/lib/search/client')
      .then((m) =>
        new m.SearchClient('/search').search(q, {
          from: from || undefined,
          to: to || undefined,
          offset: (page - 1) * perPage,
          limit: perPage,
        }),
      )
      .then(
        (result) => live && setState({ q, from, to, page, result }),
        () => live && setState({ q, from, to, page, failed: true }),
      );
    return () => {
      live = false;
    };
  }, [perPage]);

  if (!state) return null;
  if (state.failed) return <p role="status">{labels.failed}</p>;
  const { q, from, to, page, result } = state;
  if (!result) return null;
  return (
    <>
      <p className="mb-3 font-sans text-sm" role="status">
        {!result.total
          ? fill(labels.none, { q })
          : result.exact
            ? fill(result.total === 1 ? labels.countOne : labels.countOther, { n: result.total })
            : // Only the candidates checked so far are counted: say so.
              fill(result.total === 1 ? labels.countAtLeastOne : labels.countAtLeastOther, {
                n: result.total,
              })}
      </p>
      <ResultList
        locale={locale}
        q={q}
        from={from}
        to={to}
        page={page}
        perPage={perPage}
        result={result}
        labels={labels}
      />
    </>
  );
}
