/**
 * The site's links: next/link (client-side navigation) without prefetching. Pages are cached on the
 * server, so Next.js would prefetch the whole of every page linked from the screen: a page of the
 * paper links dozens of articles, which a phone would download and parse at once (Lighthouse
 * counted it as blocking time). A click fetches the one page it needs, from the server's cache.
 */
import NextLink from 'next/link';
import type { ComponentProps } from 'react';

export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
