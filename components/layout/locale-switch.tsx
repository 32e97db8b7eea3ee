'use client';
/**
 * Links to the current page in the other languages. Rendered on the server with the right
 * hrefs (usePathname works there), so it needs no JavaScript in the browser.
 */
import { usePathname } from 'next/navigation';

type Props = {
  label: string;
  current: string;
  locales: { code: string; name: string; lang: string }[];
};

export function LocaleSwitch({ label, current, locales }: Props) {
  const pathname = usePathname() ?? '/';
  const rest = pathname.replace(/^\/(zh-Hant|[a-z]{2})(?=\/|$)/, '');
  return (
    <nav aria-label={label} className="flex gap-2">
      {locales.map((l) =>
        l.code === current ? (
          <span key={l.code} lang={l.lang} aria-current="true" className="font-bold">
            {l.name}
          </span>
        ) : (
          <a key={l.code} href={`/${l.code}${rest}`} hrefLang={l.lang} lang={l.lang}>
            {l.name}
          </a>
        ),
      )}
    </nav>
  );
}
