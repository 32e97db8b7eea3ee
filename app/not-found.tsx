/** 404 outside any locale (e.g. /xx/…): a bare bilingual page, since no [locale] layout applies. */
import { Link } from '@/components/common/link';
import './not-found.css';

export default function GlobalNotFound() {
  return (
    <html lang="zh-Hans">
      <body>
        <main className="not-found">
          <h1>找不到这一页 · Page not found</h1>
          <p>
            <Link href="/zh">读报首页</Link> · <Link href="/en">Dubao home</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
