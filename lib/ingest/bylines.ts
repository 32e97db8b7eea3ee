/** Bylines (■记者 A B / 通讯员 C / 制图 D / ■摄影 E / ■Name) and jump lines ((下转2版), （上接第一版）). */
import type { Byline } from './types';

const MARK = /^[■□●▲◆◇★☆]\s*/;
const ROLE =
  '(?:本报)?(?:首席|见习|特约|实习|融媒体)?(?:记者|通讯员)|实习生|摄影记者|摄影|摄|制图|设计|美编|文[/／]图|图[/／]文|文|图|整理|编译|视频|图片|本报评论员|评论员'; // prettier-ignore
const ROLE_RE = new RegExp(`^(?:${ROLE})$`);
const NAME_RE = /^[\p{Script=Han}·•]{2,5}$/u;
// Only multi-character roles are split off glued text: 文/图 inside a name (李文华) must stay.
const ROLE_SPLIT =
  /((?:本报)?(?:首席|见习|特约|实习|融媒体)?(?:记者|通讯员)|实习生|摄影记者|摄影|制图|美编|文[/／]图|图[/／]文|评论员)/g;

/** Reads a byline block; null when the block is not a byline. */
export function parseByline(lines: string[]): Byline[] | null {
  if (lines.length > 4 || lines[0]!.length > 80) return null;
  const text = lines.join(' ').trim();
  if (!text || text.length > 80 || /[。！？!?，,；;]/.test(text)) return null;
  const marked = MARK.test(text);
  const body = text.replace(MARK, '').replace(/[：:]/g, ' ');
  // ■记者张三 reads like ■记者 张三; an unmarked line must space its roles (记者手记 is a subhead).
  const spaced = marked ? body.replace(ROLE_SPLIT, ' $1 ') : body;
  const tokens = spaced.split(/[\s、，,]+/).filter(Boolean);
  const out: Byline[] = [];
  let cur: Byline | null = null;
  for (const tok of tokens) {
    if (ROLE_RE.test(tok)) {
      cur = { role: tok, names: [] };
      out.push(cur);
    } else if (NAME_RE.test(tok)) {
      if (!cur) {
        // ■黄雨欣: an author without a role (commentary); unmarked bare names are not a byline.
        if (!marked) return null;
        cur = { role: '', names: [] };
        out.push(cur);
      }
      cur.names.push(tok);
    } else return null;
  }
  // 记者 何以 摄: a trailing 摄 makes the names before it a photo credit.
  const last = out.at(-1);
  if (last && /^摄影?$/.test(last.role) && last.names.length === 0 && out.length >= 2) {
    out.pop();
    out.at(-1)!.role = '摄影';
  }
  if (out.length === 0 || out.some((b) => b.names.length === 0)) return null;
  return out.map((b) => ({ ...b, role: normalizeRole(b.role) }));
}

/** 本报记者 → 记者, 摄 → 摄影: the role as a reader names it; the printed form is in the repair log. */
function normalizeRole(role: string): string {
  if (role === '摄') return '摄影';
  return role.replace(/^本报(?=记者|通讯员|评论员)/, '').replace('／', '/');
}

const NUM = '([0-9０-９]+|[一二三四五六七八九十]+|[A-Za-zＡ-Ｚ][0-9０-９]+)';
const JUMP_RE = new RegExp(`^[（(]?\\s*(下转|上接|转|接|续)\\s*第?\\s*${NUM}\\s*(?:版|页|面)\\s*[)）]?$`);
const JUMP_AT_END = new RegExp(`[（(]\\s*(下转|转)\\s*第?\\s*${NUM}\\s*(?:版|页)\\s*[)）]\\s*$`);
const JUMP_AT_START = new RegExp(`^\\s*[（(]\\s*(上接|接|续)\\s*第?\\s*${NUM}\\s*(?:版|页)\\s*[)）]`);

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 2, ２, 二, 十二, A2 → page number. */
export function pageNumber(token: string): number | null {
  const t = token.normalize('NFKC').replace(/^[A-Za-z]/, '');
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(t);
  if (m) return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[2] ? CN_DIGIT[m[2]]! : 0);
  return CN_DIGIT[t] ?? null;
}

export type Jump = { dir: 'to' | 'from'; page: number };

function jumpOf(word: string, num: string): Jump | null {
  const page = pageNumber(num);
  if (page === null) return null;
  return { dir: word === '下转' || word === '转' ? 'to' : 'from', page };
}

/** A block that is only a jump line. */
export function parseJumpLine(text: string): Jump | null {
  const m = JUMP_RE.exec(text.trim());
  return m ? jumpOf(m[1]!, m[2]!) : null;
}

/** A jump line printed at the end or start of a paragraph: the jump and the paragraph without it. */
export function splitInlineJump(text: string): { jump: Jump; text: string; marker: string } | null {
  const end = JUMP_AT_END.exec(text);
  if (end && end.index > 0) {
    const jump = jumpOf(end[1]!, end[2]!);
    if (jump) return { jump, text: text.slice(0, end.index).trimEnd(), marker: end[0].trim() };
  }
  const start = JUMP_AT_START.exec(text);
  if (start && start[0].length < text.length) {
    const jump = jumpOf(start[1]!, start[2]!);
    if (jump) return { jump, text: text.slice(start[0].length).trimStart(), marker: start[0].trim() };
  }
  return null;
}
