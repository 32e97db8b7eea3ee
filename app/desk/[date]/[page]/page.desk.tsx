/**
 * /desk/<date>/<page>: one page at the desk. The raw blocks beside the rebuilt articles (as the repair
 * report draws them), the least certain decisions first, and every fix one click or one short form,
 * each undoable from the history. proxy.ts refuses the route without a session (401); read here again.
 */
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm, OpButton, type FormContext } from '@/components/desk/action-form';
import { DeskHeader } from '@/components/desk/desk-header';
import { currentEditor } from '@/lib/desk/current';
import { deskLocale } from '@/lib/desk/locale';
import { deskPage, UNSURE, type DeskArticle, type DeskBlock, type DeskPage } from '@/lib/desk/pages';
import { isIsoDate, isPageNumber } from '@/lib/desk/security';
import type { HistoryEntry } from '@/lib/desk/edits';
import { LEGEND } from '@/lib/newsroom/report';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ date: string; page: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
type T = Awaited<ReturnType<typeof getTranslations<'Desk'>>>;

export default async function DeskPageView({ params, searchParams }: Props) {
  const { date, page } = await params;
  if (!isIsoDate(date) || !isPageNumber(page)) notFound();
  const editor = await currentEditor();
  const locale = await deskLocale();
  const t = await getTranslations({ locale, namespace: 'Desk' });
  if (!editor) {
    return (
      <>
        <DeskHeader locale={locale} editor={null} />
        <main id="content" className="desk-main">
          <h1>{t('title')}</h1>
          <p role="alert">
            <Link href="/desk" prefetch={false}>
              {t('signIn')}
            </Link>
          </p>
        </main>
      </>
    );
  }
  const view = deskPage(date, Number(page));
  if (!view) notFound();
  const ctx: FormContext = { csrf: editor.csrf, date, page: view.page, version: view.version };
  const saved = Number((await searchParams).saved);
  const savedEntry = Number.isInteger(saved) ? view.history.find((e) => e.n === saved) : undefined;
  const unsure = view.decisions.filter((d) => d.confidence < UNSURE);
  const overrides = view.repairs.filter((r) => r.kind === 'override').length;
  const title = `${view.date} ${t('pageLink', { page: view.page, name: view.pageName })}`;
  return (
    <>
      <DeskHeader locale={locale} editor={editor}>
        <nav className="desk-nav" aria-label={t('pages')}>
          <Link href="/desk" prefetch={false}>
            {t('back')}
          </Link>{' '}
          · <a href={`/zh/${view.date}/${view.page}`}>{t('viewInReader')}</a>
        </nav>
      </DeskHeader>
      <main id="content" className="desk-main">
        <h1>
          {view.paper} {title}
        </h1>
        {savedEntry && !savedEntry.undoneBy ? (
          <div className="desk-flash" role="status">
            <span>{t('saved', { n: savedEntry.n })}</span>{' '}
            {savedEntry.op !== 'undo' ? (
              <ActionForm ctx={ctx} op="undo">
                <input type="hidden" name="n" value={savedEntry.n} />
                <button type="submit" className="desk-btn">
                  {t('undoThis')}
                </button>
              </ActionForm>
            ) : null}
          </div>
        ) : null}
        <p className="desk-summary">
          {t('summary', {
            articles: view.articles.length,
            unsure: unsure.length,
            overrides,
            lost: view.lost,
          })}{' '}
          {view.checked ? (
            <span className="desk-checked">
              {t('checkedBy', { by: view.checked.by, at: view.checked.at.slice(0, 16).replace('T', ' ') })}
            </span>
          ) : (
            <ActionForm ctx={ctx} op="checked">
              <button type="submit" className="desk-btn desk-primary">
                {t('markChecked')}
              </button>
            </ActionForm>
          )}
        </p>
        {view.problems.length > 0 ? (
          <section className="desk-problems" aria-labelledby="problems">
            <h2 id="problems">{t('problems')}</h2>
            <ul>
              {view.problems.map((p) => (
                <li key={p}>
                  <code>{p}</code>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="first">
          <h2 id="first">{t('checkFirst')}</h2>
          {unsure.length === 0 ? (
            <p>{t('noUnsure', { pct: Math.round(UNSURE * 100) })}</p>
          ) : (
            <>
              <p>{t('checkFirstLead')}</p>
              <ol className="desk-decisions">
                {unsure.map((d) => (
                  <li key={`${d.kind}-${d.line}-${d.choice}`}>
                    <a href={`#L${d.line}`}>
                      {t('decision', {
                        line: d.line,
                        kind: d.kind,
                        choice: d.choice,
                        pct: Math.round(d.confidence * 100),
                      })}
                    </a>
                    {d.note ? <span className="desk-fine"> {d.note}</span> : null}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
        <div className="desk-columns">
          <section aria-labelledby="blocks" className="desk-blocks">
            <h2 id="blocks">{t('blocks')}</h2>
            <p className="desk-fine">{t('blocksLead')}</p>
            {view.blocks.map((b) => (
              <Block key={b.block.line} b={b} view={view} ctx={ctx} t={t} />
            ))}
          </section>
          <section aria-labelledby="rebuilt" className="desk-articles">
            <h2 id="rebuilt">{t('articles')}</h2>
            <p className="desk-fine">{t('articlesLead')}</p>
            {view.articles.map((a) => (
              <Article key={a.id} a={a} ctx={ctx} t={t} />
            ))}
          </section>
        </div>
        <History history={view.history} ctx={ctx} t={t} />
      </main>
    </>
  );
}

const HEADING_OPS = ['headline-start', 'kicker', 'subhead', 'banner', 'furniture'] as const;
const TEXT_OPS = ['subhead', 'paragraph', 'break', 'furniture'] as const;

function Block({ b, view, ctx, t }: { b: DeskBlock; view: DeskPage; ctx: FormContext; t: T }) {
  const line = b.block.line;
  const kinds = [...new Set(b.repairs.map((r) => r.kind))];
  const article = b.placement ? view.articles.find((a) => a.id === b.placement!.articleId) : undefined;
  const rawLines = b.block.raw.split('\n');
  const unsure = b.decisions.filter((d) => d.confidence < UNSURE);
  const label = (op: string) => t('opLabel', { line, op: t(`op.${op}` as 'op.banner') });
  // The blocks of the same article, for "continues …" (the block before it first).
  const siblings = article
    ? view.blocks.filter(
        (x) => x.placement?.articleId === article.id && x.block.line !== line && x.block.level === 0,
      )
    : [];
  const before = siblings.filter((x) => x.block.line < line).at(-1);
  return (
    <article
      id={`L${line}`}
      className={['desk-block', `fate-${b.fate}`, unsure.length > 0 ? 'is-unsure' : ''].join(' ').trim()}
      aria-label={t('line', { line })}
    >
      <header className="desk-block-head">
        <a href={`#L${line}`} className="desk-ln">
          {line}
        </a>
        <span className="desk-tag">{t(`fate.${b.fate}`)}</span>
        {kinds.map((k) => (
          <span key={k} className={`desk-tag desk-repair k-${k}`} title={LEGEND[k].en}>
            {LEGEND[k].zh}
          </span>
        ))}
        {b.decisions.map((d) => (
          <span
            key={`${d.kind}-${d.choice}`}
            className={d.confidence < UNSURE ? 'desk-conf low' : 'desk-conf'}
          >
            {d.kind}: {d.choice} {Math.round(d.confidence * 100)}%
          </span>
        ))}
        {b.keptLine ? <a href={`#L${b.keptLine}`}>{t('keptCopy', { line: b.keptLine })}</a> : null}
        {article ? <a href={`#A-${article.id}`}>{t('inArticle', { headline: article.headline })}</a> : null}
      </header>
      <pre className="desk-raw">{b.block.raw}</pre>
      {b.repairs.some((r) => r.note) ? (
        <ul className="desk-notes">
          {b.repairs
            .filter((r) => r.note)
            .map((r, i) => (
              <li key={i}>{r.note}</li>
            ))}
        </ul>
      ) : null}
      <div className="desk-actions">
        <span className="desk-fine">{b.block.level > 0 ? t('asHeading') : t('asText')}</span>
        {(b.block.level > 0 ? HEADING_OPS : TEXT_OPS).map((op) => (
          <OpButton key={op} ctx={ctx} op={op} line={line} text={t(`op.${op}`)} title={label(op)} />
        ))}
        {b.fate === 'dropped' ? (
          <OpButton ctx={ctx} op="keep" line={line} text={t('op.keep')} title={label('keep')} />
        ) : null}
      </div>
      {b.block.level === 0 ? (
        <div className="desk-more">
          {siblings.length > 0 ? (
            <FormDetails
              ctx={ctx}
              op="join"
              line={line}
              summary={t('joinLegend')}
              label={label('join')}
              apply={t('apply')}
            >
              <label>
                {t('joinTo')}
                <select name="to" defaultValue={before?.block.line}>
                  {siblings.map((x) => (
                    <option key={x.block.line} value={x.block.line}>
                      {x.block.line} {x.block.text.slice(0, 18)}
                    </option>
                  ))}
                </select>
              </label>
            </FormDetails>
          ) : null}
          <FormDetails
            ctx={ctx}
            op="move"
            line={line}
            summary={t('moveLegend')}
            label={label('move')}
            apply={t('apply')}
          >
            <label>
              {t('moveTo')}
              <select name="to">
                {view.articles
                  .filter((a) => a.id !== article?.id)
                  .map((a) => (
                    <option key={a.id} value={a.line}>
                      {a.line} {a.headline}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              {t('moveAfter')}
              <input name="after" type="number" min={1} inputMode="numeric" placeholder={t('moveEnd')} />
            </label>
          </FormDetails>
          <FormDetails
            ctx={ctx}
            op="split"
            line={line}
            summary={t('splitLegend')}
            label={label('split')}
            apply={t('apply')}
          >
            <label>
              {t('newHeadline')}
              <input name="headline" required maxLength={200} />
            </label>
          </FormDetails>
          {rawLines.length > 1 ? (
            <FormDetails
              ctx={ctx}
              op="break"
              summary={t('breakInside')}
              label={label('break')}
              apply={t('apply')}
            >
              <label>
                {t('breakAt')}
                <select name="line">
                  {rawLines.slice(1).map((l, i) => (
                    <option key={i} value={line + i + 1}>
                      {line + i + 1} {l.trim().slice(0, 18)}
                    </option>
                  ))}
                </select>
              </label>
            </FormDetails>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/** A fix that needs a short form: folded under its summary until the editor opens it. */
function FormDetails({
  ctx,
  op,
  line,
  summary,
  label,
  apply,
  children,
}: {
  ctx: FormContext;
  op: string;
  line?: number;
  summary: string;
  label: string;
  apply: string;
  children: React.ReactNode;
}) {
  return (
    <details>
      <summary>{summary}</summary>
      <ActionForm ctx={ctx} op={op} line={line} className="desk-form" label={label}>
        {children}
        <button type="submit" className="desk-btn">
          {apply}
        </button>
      </ActionForm>
    </details>
  );
}

function Article({ a, ctx, t }: { a: DeskArticle; ctx: FormContext; t: T }) {
  return (
    <article id={`A-${a.id}`} className="desk-article" aria-labelledby={`H-${a.id}`}>
      {a.kicker ? <p className="desk-kicker">{a.kicker}</p> : null}
      <h3 id={`H-${a.id}`}>{a.headline}</h3>
      {a.subheadline ? <p className="desk-sub">{a.subheadline}</p> : null}
      {a.line > 0 ? (
        <ActionForm
          ctx={ctx}
          op="headline"
          line={a.line}
          className="desk-form desk-headline-form"
          label={`${t('editHeadline')}: ${a.headline}`}
        >
          <label>
            {t('editHeadline')}
            <input name="text" defaultValue={a.headline} required maxLength={200} />
          </label>
          <button type="submit" className="desk-btn">
            {t('saveHeadline')}
          </button>
        </ActionForm>
      ) : null}
      {a.paragraphs.map((p, i) =>
        p.subhead ? (
          <h4 key={i} className="desk-subhead">
            {p.text} <Lines lines={p.lines} t={t} />
          </h4>
        ) : (
          <p key={i}>
            {p.text} <Lines lines={p.lines} t={t} />
          </p>
        ),
      )}
    </article>
  );
}

function Lines({ lines, t }: { lines: number[]; t: T }) {
  if (lines.length === 0) return null;
  return (
    <span className="desk-src" aria-label={t('fromLines', { lines: lines.join(', ') })}>
      {lines.map((l) => (
        <a key={l} href={`#L${l}`}>
          {l}
        </a>
      ))}
    </span>
  );
}

function History({ history, ctx, t }: { history: HistoryEntry[]; ctx: FormContext; t: T }) {
  return (
    <section aria-labelledby="history" className="desk-history">
      <h2 id="history">{t('history')}</h2>
      {history.length === 0 ? (
        <p>{t('noHistory')}</p>
      ) : (
        <ol reversed>
          {[...history].reverse().map((e) => {
            const line =
              e.added && typeof e.added.value === 'number'
                ? e.added.value
                : ((e.added?.value as { line?: number } | undefined)?.line ??
                  (e.added?.entry ? Number(e.added.entry) : undefined));
            const what =
              e.op === 'undo'
                ? t('undoes', { n: e.undoes ?? 0 })
                : line !== undefined
                  ? t('what', { op: t(`op.${e.op}`), line })
                  : t(`op.${e.op}`);
            return (
              <li key={e.n} className={e.undoneBy ? 'is-undone' : ''}>
                {t('historyEntry', { n: e.n, at: e.at.slice(0, 19).replace('T', ' '), by: e.by, what })}
                {e.undoneBy ? (
                  <span className="desk-fine"> · {t('undone', { by: e.undoneBy })}</span>
                ) : e.op !== 'undo' ? (
                  <ActionForm ctx={ctx} op="undo" label={`${t('undoThis')} #${e.n}`}>
                    <input type="hidden" name="n" value={e.n} />
                    <button type="submit" className="desk-btn">
                      {t('op.undo')} #{e.n}
                    </button>
                  </ActionForm>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
