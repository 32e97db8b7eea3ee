/**
 * /desk: off (and how to turn it on), the sign-in form, or the pages of the archive with what each
 * needs: the model's unsure decisions, the fixes made, whether an editor has checked it.
 */
import { getTranslations } from 'next-intl/server';
import { DeskHeader } from '@/components/desk/desk-header';
import { desk } from '@/lib/desk/auth';
import { currentEditor } from '@/lib/desk/current';
import { deskLocale } from '@/lib/desk/locale';
import { deskPages } from '@/lib/desk/pages';
import { archive } from '@/lib/content/store';

export const dynamic = 'force-dynamic';

export default async function DeskHome() {
  const locale = await deskLocale();
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const { config } = desk();
  const editor = config.enabled ? await currentEditor() : null;
  return (
    <>
      <DeskHeader locale={locale} editor={editor} />
      <main id="content" className="desk-main">
        <h1>{t('title')}</h1>
        {!config.enabled ? (
          <section role="status">
            <p>{t('off')}</p>
            <p>{t('offHow')}</p>
            <p className="desk-fine">{t('offWhy', { why: config.why })}</p>
          </section>
        ) : !editor ? (
          <section className="desk-signin">
            <p>{t('signInLead')}</p>
            <form method="post" action="/desk/signin">
              <label>
                {t('name')}
                <input name="name" autoComplete="username" required maxLength={40} />
              </label>
              <label>
                {t('password')}
                <input name="password" type="password" autoComplete="current-password" required maxLength={1024} />
              </label>
              <button type="submit" className="desk-btn desk-primary">
                {t('signIn')}
              </button>
            </form>
          </section>
        ) : (
          <PageList locale={locale} />
        )}
      </main>
    </>
  );
}

async function PageList({ locale }: { locale: Awaited<ReturnType<typeof deskLocale>> }) {
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const errors = archive().errors;
  return (
    <>
      <h2>{t('pages')}</h2>
      {deskPages().map((issue) => (
        <section key={issue.date} className="desk-issue" aria-labelledby={`i-${issue.date}`}>
          <h3 id={`i-${issue.date}`}>{t('issue', { date: issue.date, paper: issue.paper })}</h3>
          <ul>
            {issue.pages.map((p) => (
              <li key={p.page}>
                <a href={`/desk/${p.date}/${p.page}`}>{t('pageLink', { page: p.page, name: p.pageName })}</a>{' '}
                <span className={p.unsure > 0 ? 'desk-unsure' : ''}>{t('pageStats', { articles: p.articles, unsure: p.unsure, overrides: p.overrides })}</span>{' '}
                <span className="desk-fine">{p.checked ? t('checkedBy', { by: p.checked.by, at: p.checked.at.slice(0, 16).replace('T', ' ') }) : t('notChecked')}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {errors.length > 0 ? (
        <section>
          <h2>{t('errors')}</h2>
          <ul>
            {errors.map((e) => (
              <li key={e}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
