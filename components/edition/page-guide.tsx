/** 本版导读: a boxed list of the page's headlines, each jumping to its story on the page. */
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Article } from '@/lib/ingest/types';

type Props = { articles: readonly Article[]; children?: ReactNode };

export function storyAnchor(id: string): string {
  return `story-${id}`;
}

export async function PageGuide({ articles, children }: Props) {
  const t = await getTranslations('Edition');
  return (
    <aside className="page-guide">
      <div className="lg:sticky lg:top-2">
        <nav className="guide-box" aria-labelledby="page-guide-title">
          <h2 id="page-guide-title">{t('guide')}</h2>
          <ol>
            {articles.map((a) => (
              <li key={a.id}>
                <a href={`#${storyAnchor(a.id)}`}>{a.headline}</a>
              </li>
            ))}
          </ol>
        </nav>
        {children}
      </div>
    </aside>
  );
}
