/**
 * The site's links: next/link (client-side navigation) without prefetching. Pages are cached on the
 * server, so Next.js would prefetch the whole of every page linked from the screen: a page of the
 * paper links dozens of articles, which a phone would download and parse at once (Lighthouse
 * counted it as blocking time). A click fetches the one page it needs, from the server's cache.
 *
 * The static export (DUBAO_STATIC) writes no React Server Components payloads (scripts/build-static.ts
 * leaves them out: they were 40 % of its bytes), so there a link is a plain <a>: a click loads the
 * page's HTML, as next/link itself falls back to after its payload request fails with a 404.
 */
import NextLink from 'next/link';
import type { ComponentProps } from 'react';

type Props = ComponentProps<typeof NextLink>;

export function Link(props: Props) {
  if (process.env.DUBAO_STATIC) {
    const {
      href,
      prefetch: _prefetch,
      replace: _replace,
      scroll: _scroll,
      shallow: _shallow,
      passHref: _passHref,
      legacyBehavior: _legacy,
      locale: _locale,
      onNavigate: _onNavigate,
      ...rest
    } = props;
    return <a href={typeof href === 'string' ? href : (href.href ?? href.pathname ?? '')} {...rest} />;
  }
  return <NextLink prefetch={false} {...props} />;
}
