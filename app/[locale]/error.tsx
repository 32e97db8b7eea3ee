'use client';
/** Error boundary: a short translated message (client components get the locale from the URL). */
import { useParams } from 'next/navigation';

const TEXT = {
  zh: { title: '出了点问题', body: '这一页暂时无法显示。', retry: '重试' },
  'zh-Hant': { title: '出了點問題', body: '這一頁暫時無法顯示。', retry: '重試' },
  en: { title: 'Something went wrong', body: 'This page cannot be shown right now.', retry: 'Try again' },
};

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  const t = TEXT[locale as keyof typeof TEXT] ?? TEXT.zh;
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="font-sans text-2xl font-black">{t.title}</h1>
      <p className="mt-4">{t.body}</p>
      <button type="button" onClick={reset} className="mt-6 border border-rule px-4 py-1 font-sans">
        {t.retry}
      </button>
    </div>
  );
}
