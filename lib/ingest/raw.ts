/**
 * Reads a raw page file: decodes its bytes (UTF-8, UTF-8 with BOM, GBK/GB18030), splits off and
 * validates the YAML front matter. Every failure names the file and the line.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import type { PageMeta } from './types';

export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'IngestError';
  }
}

export interface RawPage {
  meta: PageMeta;
  /** The page text after the front matter. */
  text: string;
  /** The file line on which `text` starts. */
  firstLine: number;
  /** What was wrong but could be read anyway (a truncated last character, GBK input). */
  warnings: string[];
}

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export const pageMetaSchema = z.object({
  paper: z.string().trim().min(1, 'paper must not be empty'),
  date: z
    .union([z.string(), z.date()])
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
    .refine(isCalendarDate, 'date must be a calendar date written YYYY-MM-DD'),
  page: z.coerce.number().int('page must be a whole number').min(1, 'page must be 1 or more').max(999),
  pageName: z.string().trim().min(1, 'pageName must not be empty'),
});

/**
 * The largest raw page read: a printed page holds 10-60 KB of text, so a bigger file is a conversion
 * gone wrong (a whole book, pages glued together). Parsing time grows with size (about 1 s per MB),
 * so such a file is rejected at once rather than holding up a build or a server start.
 */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a page's bytes; GB18030 (a superset of GBK) when the bytes are not UTF-8. */
export function decodePage(bytes: Uint8Array, file: string): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  if (bytes.length === 0) throw new IngestError(file, undefined, 'the file is empty');
  if (bytes.length > MAX_PAGE_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new IngestError(file, undefined, `the file is ${mb(bytes.length)}; a page may be at most ${mb(MAX_PAGE_BYTES)} (is it several pages or a whole document?)`);
  }
  if (bytes.indexOf(0) !== -1) throw new IngestError(file, undefined, 'this is a binary file, not page text (it contains NUL bytes)');
  const sample = bytes.subarray(0, 2048);
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  if (control > sample.length * 0.05) throw new IngestError(file, undefined, 'this is a binary file, not page text');

  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  try {
    return { text: UTF8.decode(body), warnings };
  } catch {
    // A page cut off inside its last character: keep everything before it.
    for (let cut = 1; cut <= 3 && cut < body.length; cut++) {
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, body.length - cut));
        warnings.push(`the file ends inside a UTF-8 character; dropped its last ${cut} byte(s)`);
        return { text, warnings };
      } catch {
        /* try a shorter cut */
      }
    }
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(body);
    warnings.push('decoded as GBK/GB18030');
    return { text, warnings };
  } catch {
    const bad = firstBadUtf8Line(body);
    throw new IngestError(file, bad, 'the text is neither UTF-8 nor GBK/GB18030');
  }
}

function firstBadUtf8Line(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const idx = text.indexOf('\uFFFD');
  return idx < 0 ? 1 : text.slice(0, idx).split('\n').length;
}

const FENCE = /^---\s*$/;
const PLAIN = /^([A-Za-z]\w*):[ \t]*([^'"{}[\]#&*!|>%@`,:\s][^#:]*?)?[ \t]*$/;

/**
 * Front matter as newsrooms write it (paper: 嘉兴日报, page: 1) is read without the YAML parser,
 * which costs as much as reconstructing the page; anything fancier (quotes, lists) goes to YAML.
 */
function plainFrontMatter(lines: string[]): Record<string, string | number> | null {
  const out: Record<string, string | number> = {};
  for (const line of lines) {
    if (line.trim() === '') continue;
    const m = PLAIN.exec(line);
    if (!m || m[2] === undefined) return null;
    out[m[1]!] = /^\d+$/.test(m[2]) ? Number(m[2]) : m[2];
  }
  return out;
}

/** Splits and validates the front matter; the page text keeps its file line numbers. */
export function readRawPage(bytes: Uint8Array, file: string): RawPage {
  const { text, warnings } = decodePage(bytes, file);
  if (text.trim() === '') throw new IngestError(file, undefined, 'the file holds only whitespace');
  const lines = text.split(/\r\n|\r|\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    throw new IngestError(file, 1, 'front matter missing: the file must start with a --- line, then paper, date, page and pageName, then ---');
  }
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end === -1) throw new IngestError(file, 1, 'front matter not closed: no second --- line');

  let data: unknown = plainFrontMatter(lines.slice(1, end));
  if (data === null) {
    try {
      data = parseYaml(lines.slice(1, end).join('\n'));
    } catch (e) {
      const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line + 1 : 2;
      throw new IngestError(file, line, `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]!.replace(/:$/, '')}`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new IngestError(file, 2, 'front matter must be key: value lines (paper, date, page, pageName)');
  }
  const parsed = pageMetaSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const at = lines.slice(1, end).findIndex((l) => l.startsWith(`${key}:`));
    const what = issue.code === 'invalid_type' && issue.input === undefined ? `${key} is missing` : `${key}: ${issue.message}`;
    throw new IngestError(file, at >= 0 ? at + 2 : 1, `front matter: ${what}`);
  }
  const body = lines.slice(end + 1).join('\n');
  if (body.trim() === '') throw new IngestError(file, end + 2, 'the page has front matter but no text');
  return { meta: parsed.data, text: body, firstLine: end + 2, warnings };
}
