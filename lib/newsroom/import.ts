/**
 * `npm run import -- <date> <files or folder>`: brings a day's raw pages, as the PDF/OCR converter
 * emits them (plain text, no front matter; UTF-8 or GBK; any line endings), into the content
 * archive as `<content>/<date>/<NN>.md` with front matter, writes each page's repair report, and
 * prints a summary per page. A page whose text names no edition is named 第NN版 (--page-name wins).
 * A bad file gets one clear line and a non-zero exit; the good ones are imported all the same.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { isIsoDate } from '@/lib/date';
import { decodePage, IngestError, pageMetaSchema, readRawPage, type PageMeta } from '@/lib/ingest';
import { CONFIG_FILE, loadConfig, type Config } from './config';
import { defaultPageName, pageNameFromText, pageNumbers } from './page-info';
import { checkPage, overridesPathFor, reportFor, type CheckedPage } from './page-check';
import { progressBar, type Out } from './progress';

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Out;
  stderr: Out;
}

export const IMPORT_USAGE =
  'usage: npm run import -- <YYYY-MM-DD> <files or folder> [--force] [--page N] [--page-name NAME] [--content DIR] [--reports DIR] [--config FILE]';

const PAGE_EXT = /\.(txt|md|markdown|text)$/i;

/** Options every newsroom command shares: where the configuration, content and reports are. */
export function resolveDirs(io: Io, opts: { config?: string; content?: string; reports?: string }): { config: Config; content: string; reports: string } {
  const config = loadConfig(path.resolve(io.cwd, opts.config ?? io.env.DUBAO_CONFIG ?? CONFIG_FILE));
  const content = opts.content ? path.resolve(io.cwd, opts.content) : io.env.CONTENT_DIR?.trim() ? path.resolve(io.cwd, io.env.CONTENT_DIR.trim()) : config.contentDir;
  const reports = opts.reports ? path.resolve(io.cwd, opts.reports) : config.reportsDir;
  return { config, content, reports };
}

/** Paths as the user would type them: relative to the working directory when inside it. */
export const shown = (cwd: string, p: string) => {
  const rel = path.relative(cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
};

/** The page files named on the command line; a folder gives its text files in name order. */
function expandInputs(cwd: string, args: string[], fail: (file: string, msg: string) => void): string[] {
  const files: string[] = [];
  for (const arg of args) {
    const p = path.resolve(cwd, arg);
    let st;
    try {
      st = statSync(p);
    } catch {
      fail(arg, 'no such file or folder');
      continue;
    }
    if (st.isDirectory()) {
      const names = readdirSync(p)
        .filter((n) => !n.startsWith('.') && PAGE_EXT.test(n))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      if (names.length === 0) fail(arg, 'the folder holds no page files (*.txt, *.md)');
      files.push(...names.map((n) => path.join(p, n)));
    } else files.push(p);
  }
  return files;
}

const FRONT = /^---[ \t]*\n/;

export function runImport(argv: string[], io: Io): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        page: { type: 'string' },
        'page-name': { type: 'string' },
        content: { type: 'string' },
        reports: { type: 'string' },
        config: { type: 'string' },
      },
    });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${IMPORT_USAGE}\n`);
    return 2;
  }
  const [date, ...inputs] = args.positionals;
  const o = args.values;
  if (!date || inputs.length === 0) {
    io.stderr.write(`${IMPORT_USAGE}\n`);
    return 2;
  }
  if (!isIsoDate(date)) {
    io.stderr.write(`date ${JSON.stringify(date)}: not a calendar date written YYYY-MM-DD\n`);
    return 2;
  }
  let forcedPage: number | undefined;
  if (o.page !== undefined) {
    forcedPage = Number(o.page);
    if (!Number.isInteger(forcedPage) || forcedPage < 1 || forcedPage > 999) {
      io.stderr.write(`--page ${o.page}: a page number is a whole number from 1 to 999\n`);
      return 2;
    }
  }
  let dirs;
  try {
    dirs = resolveDirs(io, o);
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 2;
  }

  const failures: string[] = [];
  const fail = (file: string, msg: string) => {
    failures.push(`${file}: ${msg}`);
    io.stderr.write(`${file}: ${msg}\n`);
  };
  const files = expandInputs(io.cwd, inputs, fail);
  if (forcedPage !== undefined && files.length > 1) {
    io.stderr.write(`--page names one page; ${files.length} files were given\n`);
    return 2;
  }
  const { pages, zeroBased } = pageNumbers(files.map((f) => path.basename(f)));
  if (zeroBased && forcedPage === undefined) {
    io.stdout.write('file names count pages from 0 (000_…): page number = number in the name + 1\n');
  }

  const progress = progressBar(files.length, files.length > 5 ? io.stderr : { write: () => true });
  const taken = new Map<number, string>();
  let imported = 0;
  files.forEach((abs, i) => {
    const name = shown(io.cwd, abs);
    progress.update(i, path.basename(abs));
    try {
      const result = importOne(abs, name, { date, forcedPage, pageFromName: pages[i], pageName: o['page-name'], force: o.force ?? false, taken, io, ...dirs });
      progress.clear();
      io.stdout.write(summary(result, io.cwd));
      imported++;
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      progress.clear();
      failures.push(e.message);
      io.stderr.write(`${e.message}\n`);
    }
  });
  progress.update(files.length, 'done');
  progress.clear();

  const bad = failures.length;
  io.stdout.write(`\nimported ${imported} of ${files.length} page file(s) into ${shown(io.cwd, path.join(dirs.content, date))}${bad ? `; ${bad} failed` : ''}\n`);
  return bad ? 1 : 0;
}

interface OneOptions {
  date: string;
  forcedPage: number | undefined;
  pageFromName: number | undefined;
  pageName: string | undefined;
  force: boolean;
  taken: Map<number, string>;
  io: Io;
  config: Config;
  content: string;
  reports: string;
}

interface Imported {
  input: string;
  target: string;
  report: string;
  checked: CheckedPage;
  overwritten: boolean;
  /** The text named no edition: the page is named 第NN版. */
  defaultName: boolean;
}

function importOne(abs: string, name: string, o: OneOptions): Imported {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError(name, undefined, code === 'EISDIR' ? 'is a folder, not a page file' : `cannot read: ${(e as Error).message}`);
  }
  const decoded = decodePage(bytes, name);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new IngestError(name, undefined, 'the file holds only whitespace');

  // A file that already has front matter (a page from another archive) keeps what it says.
  let body = text;
  let bodyLine = 1;
  let given: Partial<PageMeta> = {};
  if (FRONT.test(text)) {
    const raw = readRawPage(new TextEncoder().encode(text), name);
    if (raw.meta.date !== o.date) {
      const at = text.split('\n').findIndex((l) => l.startsWith('date:')) + 1;
      throw new IngestError(name, at || 1, `front matter says date ${raw.meta.date}, the import is for ${o.date}`);
    }
    if (raw.meta.paper !== o.config.paper) {
      const at = text.split('\n').findIndex((l) => l.startsWith('paper:')) + 1;
      throw new IngestError(name, at || 1, `front matter says paper ${raw.meta.paper}, the configuration says ${o.config.paper}`);
    }
    body = raw.text;
    bodyLine = raw.firstLine;
    given = raw.meta;
  }

  const page = o.forcedPage ?? given.page ?? o.pageFromName;
  if (page === undefined || page < 1) {
    throw new IngestError(name, undefined, 'no page number in the file name: name the files 01.txt, 02.txt … or pass --page N');
  }
  // A page that names no edition (平湖版, 第03版 要闻) is still a page: it is named by its number.
  const named = o.pageName?.trim() || given.pageName || pageNameFromText(body, page, o.config.pageNames);
  const pageName = named || defaultPageName(page);
  const earlier = o.taken.get(page);
  if (earlier) throw new IngestError(name, undefined, `page ${page} again: ${earlier} is page ${page} too`);

  const meta = pageMetaSchema.safeParse({ paper: o.config.paper, date: o.date, page, pageName });
  if (!meta.success) throw new IngestError(name, undefined, meta.error.issues[0]!.message);
  const nn = String(page).padStart(2, '0');
  const target = path.join(o.content, o.date, `${nn}.md`);
  const exists = existsSync(target);
  if (exists && !o.force) {
    throw new IngestError(name, undefined, `${shown(o.io.cwd, target)} exists already: pass --force to overwrite it`);
  }

  const front = stringify({ ...meta.data, source: path.basename(abs) }, { lineWidth: 0 });
  const out = `---\n${front}---\n${body}`;
  const outBytes = new TextEncoder().encode(out);
  const sidecar = overridesPathFor(target);
  let checked: CheckedPage;
  try {
    checked = checkPage(outBytes, shown(o.io.cwd, target), existsSync(sidecar) ? { bytes: readFileSync(sidecar), file: shown(o.io.cwd, sidecar) } : undefined);
  } catch (e) {
    // Name the input file and its own line, not the page we did not write.
    if (e instanceof IngestError && e.file === shown(o.io.cwd, target)) {
      const frontLines = front.split('\n').length + 1;
      throw new IngestError(name, e.line ? e.line - frontLines + bodyLine - 1 : undefined, e.reason);
    }
    throw e;
  }
  checked.warnings.unshift(...decoded.warnings.filter((w) => !checked.warnings.includes(w)));
  o.taken.set(page, name);

  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, out);
  const report = path.join(o.reports, o.date, `${nn}.html`);
  mkdirSync(path.dirname(report), { recursive: true });
  writeFileSync(report, reportFor(checked));
  return { input: name, target, report, checked, overwritten: exists, defaultName: !named };
}

function summary(r: Imported, cwd: string): string {
  const { page, totals, warnings, problems } = r.checked;
  const paras = page.articles.reduce((n, a) => n + a.body.filter((b) => b.type === 'p').length, 0);
  const subheads = page.articles.reduce((n, a) => n + a.body.filter((b) => b.type === 'h').length, 0);
  const kinds = Object.entries(totals.repairsByKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    `${r.input} → ${shown(cwd, r.target)}${r.overwritten ? ' (overwritten)' : ''}  ${page.meta.paper} ${page.meta.date} 第${page.meta.page}版 ${page.meta.pageName}${r.defaultName ? ` (no page name in the text: ${page.meta.pageName} used)` : ''}`,
    `  ${page.articles.length} articles, ${paras} paragraphs, ${subheads} subheads; ${totals.article} of ${totals.input} characters in articles, ${totals.furniture} furniture, ${totals.dropped} dropped, ${totals.logged} logged, ${totals.lost} lost`,
    `  repairs (${page.repairs.length}): ${kinds || 'none'}`,
    ...warnings.map((w) => `  warning: ${w}`),
    ...problems.map((p) => `  warning: ${p}`),
    `  report: ${shown(cwd, r.report)}`,
  ];
  return lines.join('\n') + '\n';
}
