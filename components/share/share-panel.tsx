/**
 * Share an article: its link (to copy, or to the system share sheet), a QR code, a citation line
 * and "share this passage". Everything a reader needs is printed as text and SVG by the server;
 * the buttons are small client leaves that appear once JavaScript runs.
 */
import { getTranslations } from 'next-intl/server';
import { CopyButton } from './copy-button';
import { PassageShare } from './passage-share';
import { QrCode } from './qr-code';
import { WebShareButton } from './web-share-button';

type Props = {
  /** Absolute URL of the article in the reader's locale. */
  url: string;
  title: string;
  citation: string;
  /** lang of the article text (for word boundaries of passage links). */
  lang: string;
  /** The element holding the article text. */
  articleSelector: string;
};

export async function SharePanel({ url, title, citation, lang, articleSelector }: Props) {
  const t = await getTranslations('Share');
  return (
    <aside
      className="no-print mx-auto mt-8 max-w-[40rem] border-y border-rule py-4 font-sans text-sm"
      aria-labelledby="share-title"
      data-share=""
    >
      <h2 id="share-title" className="mb-3 text-base font-bold">
        {t('title')}
      </h2>
      <div className="flex flex-wrap items-start gap-x-6 gap-y-4">
        <div className="min-w-0 flex-1 basis-64 space-y-2">
          <p className="text-muted">{t('link')}</p>
          <p className="break-all">
            <a href={url} data-share-url="">
              {url}
            </a>
          </p>
          <p className="flex flex-wrap gap-2">
            <CopyButton text={url} label={t('copyLink')} done={t('copied')} failed={t('copyFailed')} />
            <WebShareButton url={url} title={title} label={t('share')} />
          </p>
          <p className="text-muted">{t('citation')}</p>
          <p className="bg-tint px-2 py-1 break-all select-all" data-citation="">
            {citation}
          </p>
          <p className="flex flex-wrap gap-2">
            <CopyButton
              text={citation}
              label={t('copyCitation')}
              done={t('citationCopied')}
              failed={t('copyFailed')}
            />
          </p>
        </div>
        <figure className="m-0 w-36 shrink-0 text-center" data-qr="">
          <QrCode url={url} label={t('qrLabel')} />
          <figcaption>{t('qr')}</figcaption>
        </figure>
      </div>
      <PassageShare
        url={url}
        selector={articleSelector}
        lang={lang}
        labels={{
          hint: t('passageHint'),
          passage: t('passage'),
          copied: t('passageCopied'),
          failed: t('copyFailed'),
          link: t('passageLink'),
          close: t('close'),
        }}
      />
    </aside>
  );
}
