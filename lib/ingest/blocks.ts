/** Splits a raw page into blocks (runs of lines between blank lines), keeping their line numbers. */

export interface RawBlock {
  /** 1-based line in the file where the block starts. */
  line: number;
  /** Heading level (count of #), 0 for a plain block. */
  level: number;
  /** The block's lines without markdown decoration, hard-break spaces trimmed. */
  lines: string[];
  /** The block as text: lines joined (CJK lines without a separator). */
  text: string;
  /** The block exactly as it stood in the input. */
  raw: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

function stripInline(line: string): string {
  // Most lines carry no markup: skip the replacements for them.
  if (!/[*>]/.test(line)) return line.trimEnd();
  return line
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/^>\s?/, '')
    .replace(/\s+$/, '');
}

/** Joins wrapped lines: no space between CJK characters, one space between Latin words. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    const line = l.trim();
    if (!line) continue;
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(line)) out += ' ';
    out += line;
  }
  return out;
}

export function splitBlocks(text: string, firstLine = 1): RawBlock[] {
  const blocks: RawBlock[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let cur: { line: number; lines: string[]; raw: string[] } | null = null;
  const flush = () => {
    if (!cur) return;
    const cleaned = cur.lines.map(stripInline).filter((l) => l.trim() !== '');
    if (cleaned.length > 0) {
      blocks.push({ line: cur.line, level: 0, lines: cleaned, text: joinLines(cleaned), raw: cur.raw.join('\n') });
    }
    cur = null;
  };
  lines.forEach((line, i) => {
    const lineNo = firstLine + i;
    if (line.trim() === '') return flush();
    const h = HEADING.exec(line);
    if (h) {
      flush();
      const body = stripInline(h[2] ?? '');
      if (body.trim()) blocks.push({ line: lineNo, level: h[1]!.length, lines: [body], text: body.trim(), raw: line });
      return;
    }
    if (!cur) cur = { line: lineNo, lines: [], raw: [] };
    cur.lines.push(line);
    cur.raw.push(line);
  });
  flush();
  return splitLongLineBlocks(blocks);
}

/**
 * Some converters put one paragraph per line with no blank line between. A block whose lines are
 * each long and end a sentence is split into one block per line; short wrapped lines stay joined.
 */
function splitLongLineBlocks(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (const b of blocks) {
    const long = b.lines.length > 1 && b.level === 0 && b.lines.every((l) => l.trim().length >= 40);
    const ends = b.lines.slice(0, -1).every((l) => /[。！？!?”」]$/.test(l.trim()));
    if (long && ends) {
      b.lines.forEach((l, i) => out.push({ line: b.line + i, level: 0, lines: [l], text: l.trim(), raw: l }));
    } else out.push(b);
  }
  return out;
}

/**
 * Cuts plain blocks at the given lines (an editor's "a new paragraph starts here", where the converter
 * left out the blank line): the lines before stay one block, the rest become another.
 */
export function cutBlocks(blocks: RawBlock[], lines: readonly number[]): RawBlock[] {
  if (lines.length === 0) return blocks;
  const out: RawBlock[] = [];
  for (const b of blocks) {
    const raw = b.raw.split('\n');
    const at = [...new Set(lines)]
      .filter((l) => b.level === 0 && l > b.line && l < b.line + raw.length)
      .sort((x, y) => x - y);
    if (at.length === 0) {
      out.push(b);
      continue;
    }
    let start = 0;
    for (const l of [...at, b.line + raw.length]) {
      const part = raw.slice(start, l - b.line);
      const cleaned = part.map(stripInline).filter((x) => x.trim() !== '');
      if (cleaned.length > 0) out.push({ line: b.line + start, level: 0, lines: cleaned, text: joinLines(cleaned), raw: part.join('\n') });
      start = l - b.line;
    }
  }
  return out;
}
