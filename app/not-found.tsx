/** 404 outside any locale (e.g. /xx/…): a bare bilingual page, since no [locale] layout applies. */
import { Link } from '@/components/common/link';
import './globals.css';

export default function GlobalNotFound() {
  return (
    <html lang="zh-Hans">
      <body>
        <main className="mx-auto max-w-xl px-4 py-16 text-center">
          <h1 className="font-sans text-2xl font-black">找不到这一页 · Page not found</h1>
          <p className="mt-4">
            <Link href="/zh">读报首页</Link> · <Link href="/en">Dubao home</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
