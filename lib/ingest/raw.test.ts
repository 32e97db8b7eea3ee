import { describe, expect, it } from 'vitest';
import { IngestError, parseRawPage, readRawPage } from './index';
import { encodeGbk } from './test-helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);
const page = (front: string, body = '### 图书馆夜间开放\n■记者 吴八\n\n市图书馆延长开放时间。\n') =>
  `---\n${front}\n---\n${body}`;
const GOOD = 'paper: 青禾日报\ndate: 2025-03-12\npage: 2\npageName: 要闻';

function errorOf(bytes: Uint8Array): IngestError {
  try {
    parseRawPage(bytes, 'content/2025-03-12/02.md');
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('expected an IngestError');
}

describe('readRawPage', () => {
  it('reads front matter and keeps file line numbers for the text', () => {
    const raw = readRawPage(utf8(page(GOOD)), 'a.md');
    expect(raw.meta).toEqual({ paper: '青禾日报', date: '2025-03-12', page: 2, pageName: '要闻' });
    expect(raw.firstLine).toBe(7);
    const parsed = parseRawPage(utf8(page(GOOD)), 'a.md');
    expect(parsed.articles[0]!.headline).toBe('图书馆夜间开放');
  });

  it('decodes GBK, strips a BOM and reads CRLF line endings', () => {
    const text = page(GOOD);
    // GBK bytes for the same page, produced by the platform's own encoder table.
    const gbk = encodeGbk(text);
    expect(parseRawPage(gbk, 'g.md').articles[0]!.headline).toBe('图书馆夜间开放');
    expect(parseRawPage(gbk, 'g.md').warnings).toContain('decoded as GBK/GB18030');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(parseRawPage(bom, 'b.md').meta.paper).toBe('青禾日报');
    const crlf = utf8(text.replace(/\n/g, '\r\n'));
    expect(parseRawPage(crlf, 'c.md').articles[0]!.body).toEqual([{ type: 'p', text: '市图书馆延长开放时间。' }]);
  });

  it('keeps a page cut off inside its last character, with a warning', () => {
    const bytes = utf8(page(GOOD) + '续');
    const cut = bytes.subarray(0, bytes.length - 1);
    const parsed = parseRawPage(cut, 't.md');
    expect(parsed.warnings[0]).toMatch(/ends inside a UTF-8 character/);
  });

  it.each([
    ['an empty file', new Uint8Array(), /02\.md: the file is empty/],
    ['whitespace only', utf8('  \n\n\t\n'), /02\.md: the file holds only whitespace/],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /02\.md: this is a binary file/],
    ['no front matter', utf8('### 标题\n正文。\n'), /02\.md:1: front matter missing/],
    ['unclosed front matter', utf8('---\npaper: 青禾日报\n'), /02\.md:1: front matter not closed/],
    ['invalid YAML', utf8(page('paper: [青禾日报\ndate: 2025-03-12')), /02\.md:\d+: front matter is not valid YAML/],
    ['a missing field', utf8(page('paper: 青禾日报\ndate: 2025-03-12\npageName: 要闻')), /02\.md:1: front matter: page is missing/],
    ['an impossible date', utf8(page(GOOD.replace('2025-03-12', '2025-02-30'))), /02\.md:3: front matter: date: date must be a calendar date/],
    ['a page number that is not a number', utf8(page(GOOD.replace('page: 2', 'page: two'))), /02\.md:4: front matter: page/],
    ['front matter and no text', utf8(`---\n${GOOD}\n---\n\n`), /02\.md:7: the page has front matter but no text/],
    ['no article', utf8(page(GOOD, '# 要闻\n\n第02版\n')), /02\.md:7: no article found/],
  ])('rejects %s with one clear line naming the file and line', (_, bytes, message) => {
    const e = errorOf(bytes);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });
});
