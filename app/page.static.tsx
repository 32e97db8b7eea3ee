/**
 * / in the static export (see next.config.ts): no server there to pick the reader's language, so a
 * plain page that sends the browser to the default locale.
 */
import Link from 'next/link';
import { routing } from '@/i18n/routing';

const HOME = `/${routing.defaultLocale}`;

export default function RootRedirect() {
  return (
    <html lang="zh-Hans">
      <head>
        <meta httpEquiv="refresh" content={`0; url=${HOME}`} />
        <link rel="canonical" href={HOME} />
        <title>读报 · Dubao</title>
      </head>
      <body>
        <p>
          <Link href={HOME}>读报</Link> · <Link href="/en">Dubao</Link>
        </p>
      </body>
    </html>
  );
}
