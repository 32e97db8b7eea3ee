'use client';
/**
 * Links to the current page in the other languages, query included: switching the language of a
 * search results page keeps the search. Rendered on the server with the right hrefs (usePathname
 * works there), so it needs no JavaScript in the browser. The query is known on the server only
 * where the page is rendered per request (search); a prerendered page has none to keep, and its
 * copy in the browser adds the query, if any, once it hydrates.
 */
import { Suspense } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';

type Props = {
  label: string;
  current: string;
  locales: { code: string; name: string; lang: string }[];
};

export function LocaleSwitch(props: Props) {
  // useSearchParams suspends in a prerendered page: the fallback is the same links without a query.
  return (
    <Suspense fallback={<Links {...props} query="" />}>
      <LinksWithQuery {...props} />
    </Suspense>
  );
}

function LinksWithQuery(props: Props) {
  const query = useSearchParams()?.toString() ?? '';
  return <Links {...props} query={query} />;
}

function Links({ label, current, locales, query }: Props & { query: string }) {
  const pathname = usePathname() ?? '/';
  const rest = pathname.replace(/^\/(zh-Hant|[a-z]{2})(?=\/|$)/, '');
  const search = query ? `?${query}` : '';
  return (
    <nav aria-label={label} className="flex gap-2">
      {locales.map((l) =>
        l.code === current ? (
          <span key={l.code} lang={l.lang} aria-current="true" className="font-bold">
            {l.name}
          </span>
        ) : (
          <a key={l.code} href={`/${l.code}${rest}${search}`} hrefLang={l.lang} lang={l.lang}>
            {l.name}
          </a>
        ),
      )}
    </nav>
  );
}
