import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRawPage } from '@/lib/ingest';
import { withoutIds } from '@/lib/ingest/test-helpers';
import { runImport } from './import';
import { encodeGbk, withoutFrontMatter, workspace } from './test-helpers';

const SEED = '/work/shared/seed/000_3ca735ac978f3637.txt';
const seedText = existsSync(SEED) ? readFileSync(SEED, 'utf8') : withoutFrontMatter(readFileSync(fixture('seed.md'), 'utf8'));
function fixture(name: string) {
  return path.join(__dirname, '..', 'ingest', 'fixtures', name);
}
const expected = (name: string) => JSON.parse(readFileSync(fixture(`${name}.expected.json`), 'utf8'));
const stored = (dir: string, rel: string) => readFileSync(path.join(dir, 'content', rel), 'utf8');

describe('npm run import', () => {
  it('imports the seed as the converter emits it: page 1 of 嘉兴日报 平湖版, text unchanged, report written', () => {
    const ws = workspace('嘉兴日报');
    ws.write('in/000_3ca735ac978f3637.txt', seedText);
    expect(runImport(['2025-07-31', 'in', ...ws.dirs], ws)).toBe(0);
    const page = stored(ws.dir, '2025-07-31/01.md');
    expect(page).toBe(`---\npaper: 嘉兴日报\ndate: 2025-07-31\npage: 1\npageName: 平湖版\nsource: 000_3ca735ac978f3637.txt\n---\n${seedText}`);
    expect(withoutIds(parseRawPage(new TextEncoder().encode(page), '01.md'))).toEqual(expected('seed'));
    expect(ws.out()).toMatch(/7 articles, 25 paragraphs, 2 subheads; 4734 of 6130 characters in articles/);
    expect(ws.out()).toMatch(/repairs \(\d+\): .*repeat-dropped \d+.*bleed-dropped \d+/);
    const report = readFileSync(path.join(ws.dir, 'reports/2025-07-31/01.html'), 'utf8');
    expect(report).toContain('<meta name="robots" content="noindex,nofollow">');
    expect(ws.err()).toBe('');
  });

  it('imports fixture pages: page number from the name, page name from the edition line or --page-name', () => {
    const ws = workspace('青禾日报');
    ws.write('in/page-3.md', withoutFrontMatter(readFileSync(fixture('qinghe-03.md'), 'utf8')));
    ws.write('one/01.txt', withoutFrontMatter(readFileSync(fixture('qinghe-01.md'), 'utf8')));
    expect(runImport(['2025-03-12', 'in', ...ws.dirs], ws)).toBe(0);
    expect(runImport(['2025-03-12', 'one/01.txt', '--page-name', '要闻', ...ws.dirs], ws)).toBe(0);
    expect(ws.out()).not.toContain('no page name');
    for (const [file, name] of [['2025-03-12/03.md', 'qinghe-03'], ['2025-03-12/01.md', 'qinghe-01']] as const) {
      const parsed = parseRawPage(new TextEncoder().encode(stored(ws.dir, file)), file);
      expect(withoutIds(parsed)).toEqual(expected(name));
      expect(parsed.meta).toEqual({ paper: '青禾日报', date: '2025-03-12', page: Number(file.slice(-5, -3)), pageName: name === 'qinghe-03' ? '综合新闻' : '要闻' });
    }
  });

  it('names a page whose text names no edition 第NN版 and says so; an edition line in the same batch still names its page', () => {
    const ws = workspace('青禾日报');
    // 第01版 alone names no edition.
    ws.write('in/01.txt', withoutFrontMatter(readFileSync(fixture('qinghe-01.md'), 'utf8')));
    ws.write('in/page-3.md', withoutFrontMatter(readFileSync(fixture('qinghe-03.md'), 'utf8')));
    expect(runImport(['2025-03-12', 'in', ...ws.dirs], ws)).toBe(0);
    expect(ws.err()).toBe('');
    expect(stored(ws.dir, '2025-03-12/01.md')).toMatch(/^---\npaper: 青禾日报\ndate: 2025-03-12\npage: 1\npageName: 第01版\nsource: 01\.txt\n---\n/);
    expect(parseRawPage(new TextEncoder().encode(stored(ws.dir, '2025-03-12/03.md')), '03.md').meta.pageName).toBe('综合新闻');
    expect(ws.out()).toContain('in/01.txt → content/2025-03-12/01.md  青禾日报 2025-03-12 第1版 第01版 (no page name in the text: 第01版 used)\n');
    expect(ws.out().match(/no page name in the text/g)).toHaveLength(1);
    // The page reads the same as when it is given its name (--page-name 要闻, above).
    expect(withoutIds(parseRawPage(new TextEncoder().encode(stored(ws.dir, '2025-03-12/01.md')), '01.md'))).toEqual(expected('qinghe-01'));
  });

  it('--page-name wins over the default name and over an edition line', () => {
    const ws = workspace('青禾日报');
    ws.write('in/01.txt', withoutFrontMatter(readFileSync(fixture('qinghe-01.md'), 'utf8')));
    ws.write('in/page-3.md', withoutFrontMatter(readFileSync(fixture('qinghe-03.md'), 'utf8')));
    expect(runImport(['2025-03-12', 'in/01.txt', '--page-name', '要闻', ...ws.dirs], ws)).toBe(0);
    expect(runImport(['2025-03-12', 'in/page-3.md', '--page-name', '专版', ...ws.dirs], ws)).toBe(0);
    const name = (file: string) => parseRawPage(new TextEncoder().encode(stored(ws.dir, file)), file).meta.pageName;
    expect([name('2025-03-12/01.md'), name('2025-03-12/03.md')]).toEqual(['要闻', '专版']);
    expect(ws.out()).not.toContain('no page name');
  });

  it('takes pages that already carry front matter at their word, and refuses a wrong date or paper', () => {
    const ws = workspace('东澜晚报');
    ws.write('in/a1.md', readFileSync(fixture('donglan-a1.md')));
    ws.write('in/a2.md', readFileSync(fixture('donglan-a2.md')));
    expect(runImport(['2025-06-18', 'in', ...ws.dirs], ws)).toBe(0);
    expect(withoutIds(parseRawPage(readFileSync(path.join(ws.dir, 'content/2025-06-18/02.md')), '02.md'))).toEqual(expected('donglan-a2'));
    expect(runImport(['2025-06-19', 'in/a1.md', '--force', ...ws.dirs], ws)).toBe(1);
    expect(ws.err()).toContain('in/a1.md:3: front matter says date 2025-06-18, the import is for 2025-06-19');
  });

  it('decodes a GBK file with CRLF line endings and stores it as UTF-8 with \\n', () => {
    const ws = workspace('南屿日报');
    const text = withoutFrontMatter(readFileSync(fixture('nanyu-05-clean.md'), 'utf8'));
    ws.write('in/05.txt', encodeGbk(text.replace(/\n/g, '\r\n')));
    expect(runImport(['2025-09-03', 'in/05.txt', ...ws.dirs], ws)).toBe(0);
    const page = stored(ws.dir, '2025-09-03/05.md');
    expect(page.endsWith(`---\n${text}`)).toBe(true);
    expect(page).not.toContain('\r');
    expect(withoutIds(parseRawPage(new TextEncoder().encode(page), '05.md'))).toEqual(expected('nanyu-05-clean'));
    expect(ws.out()).toContain('warning: decoded as GBK/GB18030');
  });

  it('refuses to overwrite a page unless --force', () => {
    const ws = workspace('嘉兴日报');
    ws.write('in/01.txt', seedText);
    expect(runImport(['2025-07-31', 'in/01.txt', ...ws.dirs], ws)).toBe(0);
    ws.write('in/01.txt', seedText.replace('平湖发布', '平湖新闻'));
    expect(runImport(['2025-07-31', 'in/01.txt', ...ws.dirs], ws)).toBe(1);
    expect(ws.err()).toMatch(/^in\/01\.txt: content\/2025-07-31\/01\.md exists already: pass --force to overwrite it$/m);
    expect(stored(ws.dir, '2025-07-31/01.md')).toContain('平湖发布');
    expect(runImport(['2025-07-31', 'in/01.txt', '--force', ...ws.dirs], ws)).toBe(0);
    expect(stored(ws.dir, '2025-07-31/01.md')).toContain('平湖新闻');
    expect(ws.out()).toContain('(overwritten)');
  });

  it('imports the good files of a batch and names each bad one with its line', () => {
    const ws = workspace('嘉兴日报');
    ws.write('in/01.txt', seedText);
    ws.write('in/02.txt', '# 平湖版\n\n第02版\n\n平湖发布 今平湖客户端\n');
    ws.write('in/03.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    ws.write('in/04.txt', '');
    ws.write('in/notes.txt', seedText);
    expect(runImport(['2025-07-31', 'in', 'missing.txt', ...ws.dirs], ws)).toBe(1);
    expect(ws.err().trim().split('\n').sort()).toEqual([
      'in/02.txt:1: no article found: the page has no headline with text under it',
      'in/03.txt: this is a binary file, not page text (it contains NUL bytes)',
      'in/04.txt: the file is empty',
      'in/notes.txt: no page number in the file name: name the files 01.txt, 02.txt … or pass --page N',
      'missing.txt: no such file or folder',
    ]);
    expect(existsSync(path.join(ws.dir, 'content/2025-07-31/01.md'))).toBe(true);
    expect(existsSync(path.join(ws.dir, 'content/2025-07-31/02.md'))).toBe(false);
    expect(ws.out()).toMatch(/imported 1 of 5 page file\(s\) into content\/2025-07-31; 5 failed/);
  });

  it('rejects a date that is not on the calendar, and two files for one page', () => {
    const ws = workspace('嘉兴日报');
    ws.write('in/01.txt', seedText);
    ws.write('in/page-1.txt', seedText);
    expect(runImport(['2025-02-30', 'in', ...ws.dirs], ws)).toBe(2);
    expect(ws.err()).toContain('date "2025-02-30": not a calendar date written YYYY-MM-DD');
    expect(runImport(['2025-07-31', 'in', ...ws.dirs], ws)).toBe(1);
    expect(ws.err()).toContain('in/page-1.txt: page 1 again: in/01.txt is page 1 too');
  });

  it('shows a progress bar on a terminal for more than five files', () => {
    const ws = workspace('嘉兴日报', { tty: true });
    for (let i = 1; i <= 6; i++) ws.write(`in/0${i}.txt`, seedText);
    expect(runImport(['2025-07-31', 'in', ...ws.dirs], ws)).toBe(0);
    expect(ws.err()).toContain('] 3/6 04.txt');
    expect(ws.err()).toContain(`[${'█'.repeat(24)}] 6/6 done`);
    expect(ws.out().match(/→ content\/2025-07-31\/0\d\.md/g)).toHaveLength(6);
  });

  it('applies the overrides already next to the page, and names a bad overrides file', () => {
    const ws = workspace('嘉兴日报');
    ws.write('in/01.txt', seedText);
    ws.write('content/2025-07-31/01.overrides.yaml', 'headline:\n  25: 网聚职工正能量\n');
    expect(runImport(['2025-07-31', 'in/01.txt', ...ws.dirs], ws)).toBe(0);
    expect(ws.out()).toMatch(/override 1/);
    expect(readFileSync(path.join(ws.dir, 'reports/2025-07-31/01.html'), 'utf8')).toContain('headline set to “网聚职工正能量”');
    ws.write('content/2025-07-31/01.overrides.yaml', 'subhead: [x]\n');
    expect(runImport(['2025-07-31', 'in/01.txt', '--force', ...ws.dirs], ws)).toBe(1);
    expect(ws.err()).toMatch(/^content\/2025-07-31\/01\.overrides\.yaml:1: subhead\.0: /m);
  });
});
