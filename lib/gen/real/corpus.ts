/**
 * The clean corpus: loading `<dir>/<YYYY-MM-DD>/<NN>.json`, the split by date, which articles of a page
 * are kept, the byline paragraphs moved out of the text, the reporters the text names (its dateline, its
 * closing credit) and the banner slogans drawn from a split.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Byline } from '@/lib/ingest/types';
import type { CorpusArticle, CorpusPage, Split } from './types';

/** The corpus directory: env DUBAO_CORPUS, else ../shared/corpus/rmrb beside the project. */
export function defaultCorpusDir(): string {
  return process.env.DUBAO_CORPUS ?? resolve(process.cwd(), '../shared/corpus/rmrb');
}

const DATE_DIR = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_FILE = /^(\d+)\.json$/;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function readPage(file: string, date: string, page: number): CorpusPage {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const arts = Array.isArray(data.articles) ? (data.articles as Record<string, unknown>[]) : [];
  return {
    paper: str(data.paper) ?? '人民日报',
    date: str(data.date) ?? date,
    page: typeof data.page === 'number' ? data.page : page,
    articles: arts.map(
      (a): CorpusArticle => ({
        kicker: str(a.kicker),
        headline: str(a.headline) ?? '',
        subheadline: str(a.subheadline),
        paragraphs: Array.isArray(a.paragraphs) ? a.paragraphs.filter((p): p is string => typeof p === 'string') : [],
      }),
    ),
  };
}

/** Every page of the corpus, sorted by date, then page. */
export function loadCorpus(dir: string = defaultCorpusDir()): CorpusPage[] {
  if (!existsSync(dir)) throw new Error(`corpus not found: ${dir} (set DUBAO_CORPUS)`);
  const pages: CorpusPage[] = [];
  for (const date of readdirSync(dir)) {
    if (!DATE_DIR.test(date)) continue;
    for (const f of readdirSync(join(dir, date))) {
      const m = PAGE_FILE.exec(f);
      if (m) pages.push(readPage(join(dir, date, f), date, Number(m[1])));
    }
  }
  return pages.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.page - b.page));
}

/**
 * The corpus's 12 dates: the 8 earliest (2019-02-11 … 2020-01-20) train, the next 2 (2020-02-10,
 * 2020-02-24) validation, the last 2 (2020-05-06, 2020-05-18) blind. Other dates fall in by the same cut-offs.
 */
export const TRAIN_LAST = '2020-01-20';
export const VALIDATION_LAST = '2020-02-24';

export function splitOf(date: string): Split {
  if (date <= TRAIN_LAST) return 'train';
  if (date <= VALIDATION_LAST) return 'validation';
  return 'blind';
}

// --- bylines ---------------------------------------------------------------------------------

const BYLINE = /^(本报特约记者|本报记者|本报通讯员|新华社记者|记者|通讯员)[\s\u3000]*([\u4e00-\u9fff][\u4e00-\u9fff\s\u3000、]*)$/;
const ROLE: Record<string, string> = {
  本报特约记者: '记者',
  本报记者: '记者',
  新华社记者: '记者',
  记者: '记者',
  本报通讯员: '通讯员',
  通讯员: '通讯员',
};
/** Words that follow 记者 in a heading-like line without being a name (记者手记). */
const NOT_NAMES = new Set(['手记', '观察', '调查', '来信', '专访', '笔记', '札记', '感言']);

/**
 * A paragraph that is purely a credit line: 本报记者 张三 李四, 记者 郭 磊 (a two-character name printed
 * with a space in it), 通讯员 王五、赵六. Photo credits (…摄) are not bylines.
 */
export function parseByline(text: string): Byline | undefined {
  const m = BYLINE.exec(text.trim());
  if (!m) return undefined;
  const tokens = m[2]!.split(/[\s\u3000、]+/).filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length === 1) {
      // 郭 磊: a two-character name padded to three columns.
      const next = tokens[i + 1];
      if (next?.length !== 1) return undefined;
      names.push(t + next);
      i++;
    } else names.push(t);
  }
  if (names.length < 1 || names.length > 4) return undefined;
  if (names.some((n) => n.length < 2 || n.length > 4 || NOT_NAMES.has(n) || n.endsWith('摄'))) return undefined;
  return { role: ROLE[m[1]!]!, names };
}

// --- reporters named in the text -------------------------------------------------------------

/** Who sent the story, as the credit names it: 本报记者 / 新华社记者 (printed so by the oneLine style). */
export type Agency = '本报' | '新华社';

/** The reporters an article's own text names (its dateline, its closing credit), not moved out of the text. */
export interface Credits {
  bylines: Byline[];
  agency: Agency;
}

const ROLE_WORD = /(本报特约记者|本报记者|本报通讯员|新华社记者|特约记者|记者|通讯员)/g;
/**
 * The part of a parenthesised credit before its roles: a dateline 新华社北京1月5日电, 据新华社电, 综合, 本报.
 * Whatever follows is only roles and names: 记者王观、葛孟超 / 记者 郭 磊 / 本报记者张三 通讯员李四.
 */
const CREDIT_LEAD = /^(?:综合)?(?:据)?(?:(?:本报|新华社|人民日报)[\u4e00-\u9fff]{0,12}?(?:\d{1,2}月\d{1,2}日)?电)?[\s\u3000]*/;
/** A dateline opening a paragraph, its credit in parentheses right after: 本报杭州3月1日电（记者张三、李四）. */
const DATELINE = /^(?:据)?(本报|新华社)[\u4e00-\u9fff·]{0,12}?(?:\d{1,2}月\d{1,2}日)?电[\s\u3000]*[（(]([^（）()]{2,60})[）)]/;
/** Never a name: photo credits (摄), 整理, 报道, 采访 … and words that follow 记者 in running text. */
const NOT_A_NAME = /摄|整理|报道|采访|发稿|获悉|了解|一行|见面|手记|文并图|编辑|综合|等$|本报|新华|记者|通讯|驻/;
const MAX_NAMES = 6;

/** Names of one role: 王观、葛孟超 / 郭 磊 / 张三 李四; undefined when any piece is not a 2–4 Han name. */
function namesOf(text: string): string[] | undefined {
  const tokens = text.trim().split(/[\s\u3000]*[、，,][\s\u3000]*/).filter(Boolean);
  const names: string[] = [];
  for (const tok of tokens) {
    // Inside one comma-separated piece, spaces pad a short name (郭 磊) or separate names (张三 李四).
    const parts = tok.split(/[\s\u3000]+/).filter(Boolean);
    if (parts.every((x) => x.length === 1)) names.push(parts.join(''));
    else {
      for (let i = 0; i < parts.length; i++) {
        const t = parts[i]!;
        if (t.length > 1) names.push(t);
        else if (parts[i + 1]?.length === 1) names.push(t + parts[++i]!);
        else return undefined;
      }
    }
  }
  if (!names.length || names.some((n) => !/^[\u4e00-\u9fff]{2,4}$/.test(n) || NOT_A_NAME.test(n))) return undefined;
  return names;
}

/** The roles and names of a credit: 记者王观、葛孟超 通讯员李四; undefined unless it is nothing else. */
function creditOf(text: string): { bylines: Byline[]; agency: Agency } | undefined {
  const lead = CREDIT_LEAD.exec(text)![0];
  const rest = text.slice(lead.length);
  const parts = rest.split(ROLE_WORD);
  // split with a capture group: ['', role, names, role, names, …]; the credit must open with a role.
  if (parts.length < 3 || parts[0]!.trim() !== '') return undefined;
  let agency: Agency = lead.includes('新华社') ? '新华社' : '本报';
  const bylines: Byline[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const word = parts[i]!;
    const names = namesOf(parts[i + 1] ?? '');
    if (!names) return undefined;
    if (word.startsWith('新华社')) agency = '新华社';
    addNames(bylines, { role: ROLE[word] ?? (word.endsWith('通讯员') ? '通讯员' : '记者'), names });
  }
  return { bylines, agency };
}

function addNames(into: Byline[], b: Byline): void {
  const same = into.find((x) => x.role === b.role);
  if (same) same.names.push(...b.names.filter((n) => !same.names.includes(n)));
  else into.push({ role: b.role, names: [...b.names] });
}

/**
 * The reporters an article's paragraphs name, without changing them: the dateline's credit (本报杭州3月1日电
 * （记者张三、李四）, 新华社电 （记者王五）), a credit line among the first paragraphs (本报记者 王昊男), a
 * closing credit in parentheses in the last two (（本报记者张三、李四）, （新华社北京1月5日电 记者王五）).
 * Undefined when none is found or any candidate is not clearly a name: names are never made up.
 */
export function creditsOf(paras: string[]): Credits | undefined {
  const bylines: Byline[] = [];
  let agency: Agency | undefined;
  const take = (c: { bylines: Byline[]; agency: Agency } | undefined): void => {
    if (!c) return;
    agency ??= c.agency;
    for (const b of c.bylines) addNames(bylines, b);
  };
  paras.forEach((p, i) => {
    const head = i < 3;
    const tail = i >= paras.length - 2;
    if (!head && !tail && i >= 4) return;
    if (head) {
      const d = DATELINE.exec(p);
      const c = d ? creditOf(d[2]!) : undefined;
      if (c) take({ ...c, agency: d![1] as Agency });
    }
    // A credit line of its own among the first paragraphs (after a 核心阅读 box, say): 本报记者 王昊男.
    const b = i < 4 ? parseByline(p) : undefined;
    if (b) take({ bylines: [b], agency: /^新华社/.test(p) ? '新华社' : '本报' });
    if (tail) {
      // Only a parenthesis that is the whole paragraph, or closes it: the story's own closing credit.
      const t = p.trim();
      const m = /[（(]([^（）()]{2,80})[）)]$/.exec(t);
      if (m && (m.index === 0 || /[。！？”]$/.test(t.slice(0, m.index)))) take(creditOf(m[1]!));
    }
  });
  const total = bylines.reduce((n, b) => n + b.names.length, 0);
  if (!total || total > MAX_NAMES) return undefined;
  // 记者 first, then 通讯员, as a byline prints them.
  bylines.sort((a, b) => (a.role === '记者' ? 0 : 1) - (b.role === '记者' ? 0 : 1));
  return { bylines, agency: agency ?? '本报' };
}

// --- the kept articles -----------------------------------------------------------------------

/** An article as the generator uses it: trimmed, bylines moved out of the text. */
export interface SourceArticle {
  kicker?: string;
  headline: string;
  subheadline?: string;
  bylines: Byline[];
  paras: string[];
  /** The reporters the kept paragraphs name (the text stays as it is): a byline the page may print. */
  credits?: Credits;
}

/** Shorter than this (all paragraphs together), an article is a credit line or a box label, not an article. */
const MIN_ARTICLE_CHARS = 20;

const clean = (s: string | null | undefined): string | undefined => {
  const t = s?.replace(/\s*[\r\n]\s*/g, '').trim();
  return t ? t : undefined;
};

/**
 * The page's articles the generator prints, in corpus order: no ads (广告), none without paragraphs or
 * with only a few characters of text; byline paragraphs at the very start moved to `bylines`.
 */
export function sourceArticles(page: CorpusPage): SourceArticle[] {
  const out: SourceArticle[] = [];
  for (const a of page.articles) {
    const headline = clean(a.headline);
    if (!headline || headline === '广告') continue;
    let paras = a.paragraphs.map((p) => clean(p)).filter((p): p is string => p !== undefined);
    if (paras.join('').length < MIN_ARTICLE_CHARS) continue;
    const bylines: Byline[] = [];
    const keep: string[] = [];
    paras.forEach((p, i) => {
      const b = i < 2 ? parseByline(p) : undefined;
      if (!b) return keep.push(p);
      const same = bylines.find((x) => x.role === b.role);
      if (same) same.names.push(...b.names.filter((n) => !same.names.includes(n)));
      else bylines.push(b);
    });
    paras = keep;
    if (paras.length === 0) continue;
    const credits = bylines.length ? undefined : creditsOf(paras);
    out.push({ kicker: clean(a.kicker), headline, subheadline: clean(a.subheadline), bylines, paras, ...(credits ? { credits } : {}) });
  }
  return out;
}

// --- slogans ---------------------------------------------------------------------------------

const PHRASE = /^[\u4e00-\u9fff]{4,12}$/;
const TWO_PHRASES = /^[\u4e00-\u9fff]{4,12} [\u4e00-\u9fff]{4,12}$/;

/**
 * Short phrases a page could carry as a banner, from these pages only: short headlines, subheads and
 * short paragraphs of 4–12 Han characters, headlines of two such phrases, and pairs of such phrases
 * that stand next to each other in one article (同志关系纯 为官作风正). Sorted, distinct.
 */
export function slogansOf(pages: CorpusPage[]): string[] {
  const out = new Set<string>();
  const norm = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u3000]+/g, ' ').trim();
  for (const p of pages) {
    for (const a of p.articles) {
      for (const h of [a.headline, a.subheadline, a.kicker]) {
        const t = norm(h);
        if (PHRASE.test(t) || TWO_PHRASES.test(t)) out.add(t);
      }
      let prev: string | undefined;
      for (const para of a.paragraphs) {
        const t = norm(para);
        if (PHRASE.test(t)) {
          out.add(t);
          if (prev) out.add(`${prev} ${t}`);
          prev = t;
        } else prev = undefined;
      }
    }
  }
  return [...out].sort();
}
