/**
 * The bad-content corpus (e2e/fixtures/bad-archive, plus a 20 MB page made here): every broken raw
 * page either ingests correctly or is rejected with one line naming the file and the line, by the
 * data layer, the parse CLI and the search index build; one broken file never takes the rest away.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES, readRawPage } from '@/lib/ingest';
import { lostBlocks } from '@/lib/ingest/coverage';
import { formatReport, ingestReport } from './ingest-report';
import { loadArchive } from './load';
import { parsePageFile } from './parse-cache';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'dubao-bad-'));
cpSync(path.join(ROOT, 'e2e/fixtures/bad-archive'), dir, { recursive: true });
// 20 MB of plausible page text: generated, never committed.
const BIG = path.join(dir, '2025-05-01/17-big.md');
{
  const story = '### 全市夜市经济持续升温\n\n■记者 石小满\n\n本报讯 入夏以来，全市各处夜市客流持续增长，摊主们纷纷延长营业时间。\n\n';
  const head = '---\npaper: 试验晚报\ndate: 2025-05-01\npage: 17\npageName: 夜市\n---\n';
  writeFileSync(BIG, head + story.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(story))));
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The loader names files relative to the working directory where it can.
const shown = path.relative(process.cwd(), dir);
const f = (name: string) => `${shown.startsWith('..') ? dir : shown}/${name}`;

/** Read correctly: page number, what must be in it, the warning it earns. */
const READ: [string, number, string, RegExp?][] = [
  ['2025-05-01/01.md', 1, '夜市开张<script>window.__pwned=1</script>首日人气旺'], // markup kept as text
  ['2025-05-01/02.md', 2, '社区食堂开进老街'], // CRLF
  ['2025-05-01/03.md', 3, '市民长跑赛鸣枪'], // UTF-8 with BOM
  ['2025-05-01/04.md', 4, '稻米收购价稳中有升', /decoded as GBK/], // GBK
  ['2025-05-01/05.md', 5, '河边的灯', /ends inside a UTF-8 character/], // truncated UTF-8
  ['2025-05-01/06.md', 6, '本版为公益广告'], // no headings
  ['2025-05-03/01.md', 1, '第二天的头版照常出版'],
];

/** Rejected: the one-line message, starting with the file and (where there is one) the line. */
const REJECTED: [string, RegExp][] = [
  ['2025-05-01/07.md:7', /no article found/], // only headings
  ['2025-05-01/08.md', /the file is empty/],
  ['2025-05-01/09.md', /only whitespace/],
  ['2025-05-01/10.md', /binary file/],
  ['2025-05-01/11.md:4', /front matter is not valid YAML/],
  ['2025-05-01/12.md:1', /front matter not closed/],
  ['2025-05-01/13-copy.md:1', /page 1 is already given by .*2025-05-01\/01\.md/], // page clash
  ['2025-05-01/14.md:1', /date 2025-05-02 is not the folder's date 2025-05-01/], // date clash
  ['2025-05-01/15.md:3', /date must be a calendar date/], // 2025-02-30
  ['2025-05-01/16.md:1', /front matter missing/],
  ['2025-05-01/17-big.md', /the file is 20\.0 MB; a page may be at most 2\.0 MB/],
  ['2025-05-02/01.md:7', /front matter but no text/],
];

describe('the bad-content corpus through the data layer', () => {
  const started = performance.now();
  const archive = loadArchive(dir, { parse: parsePageFile, onError: () => {} });
  const loadMs = performance.now() - started;

  it('reads every page that can be read, keeping all its text', () => {
    const pages = archive.issues.flatMap((i) => i.pages.map((p) => ({ ...p, date: i.date })));
    expect(pages.map((p) => p.file)).toEqual(READ.map(([name]) => f(name)));
    for (const [name, page, text, warning] of READ) {
      const p = pages.find((x) => x.file === f(name))!;
      expect(p.meta.page).toBe(page);
      expect(JSON.stringify(p.articles)).toContain(JSON.stringify(text).slice(1, -1));
      const raw = readRawPage(readFileSync(path.join(dir, name)), name);
      expect(lostBlocks(raw.text, p, raw.firstLine), name).toEqual([]);
      const warnings = (p as { warnings?: string[] }).warnings ?? [];
      if (warning) expect(warnings.join('\n')).toMatch(warning);
      else expect(warnings).toEqual([]);
    }
  });

  it('rejects each broken file with one line naming the file and line', () => {
    expect(archive.errors).toHaveLength(REJECTED.length);
    for (const [where, reason] of REJECTED) {
      const message = archive.errors.find((e) => e.startsWith(`${f(where)}: `));
      expect(message, where).toBeDefined();
      expect(message).toMatch(reason);
      expect(message).not.toContain('\n');
    }
  });

  it('keeps the other issues: a broken page takes only itself away', () => {
    expect(archive.issues.map((i) => i.date)).toEqual(['2025-05-01', '2025-05-03']);
    expect(archive.byDate.get('2025-05-01')!.pages.map((p) => p.meta.page)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses the 20 MB page by its size, without parsing it', () => {
    expect(MAX_PAGE_BYTES).toBe(2 * 1024 * 1024);
    expect(loadMs).toBeLessThan(5_000);
  });

  it('reports what was repaired and what was rejected', () => {
    const report = ingestReport(archive);
    expect(report.pages).toHaveLength(READ.length);
    expect(report.rejected.map((r) => [r.file, r.line])).toEqual(
      REJECTED.map(([where]) => {
        const [file, line] = where.split(':');
        return [f(file!), line ? Number(line) : undefined];
      }),
    );
    expect(report.pages.find((p) => p.file === f('2025-05-01/04.md'))!.warnings).toEqual(['decoded as GBK/GB18030']);
    const lines = formatReport(report);
    expect(lines[0]).toMatch(/^ingest: 7 pages in 2 issues read, \d+ of them repaired.*; 12 files rejected$/);
    expect(lines.filter((l) => l.startsWith('  rejected '))).toHaveLength(12);
  });
});

describe('the bad-content corpus through the command line tools', () => {
  const env = { ...process.env, CONTENT_DIR: dir, DUBAO_CACHE: '0', NODE_OPTIONS: '' };
  const tsx = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env, maxBuffer: 64 << 20 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('the parse CLI prints one clear line and exits 1, or parses', async () => {
    const [empty, yaml, big, gbk] = await Promise.all([
      tsx(['scripts/parse.ts', path.join(dir, '2025-05-01/08.md')]),
      tsx(['scripts/parse.ts', path.join(dir, '2025-05-01/11.md')]),
      tsx(['scripts/parse.ts', BIG]),
      tsx(['scripts/parse.ts', path.join(dir, '2025-05-01/04.md')]),
    ]);
    expect([empty.code, yaml.code, big.code, gbk.code]).toEqual([1, 1, 1, 0]);
    expect(empty.stderr.trim()).toMatch(/08\.md: the file is empty$/);
    expect(yaml.stderr.trim()).toMatch(/11\.md:4: front matter is not valid YAML[^\n]*$/);
    expect(big.stderr.trim()).toMatch(/17-big\.md: the file is 20\.0 MB; a page may be at most 2\.0 MB[^\n]*$/);
    expect(JSON.parse(gbk.stdout).articles[0].headline).toBe('稻米收购价稳中有升');
    expect(gbk.stderr).toMatch(/04\.md: warning: decoded as GBK/);
  }, 60_000);

  it('the build steps (search index, ingest report) name each rejected file and carry on', async () => {
    const out = path.join(dir, 'out');
    const [index, report] = await Promise.all([
      tsx(['scripts/build-search-index.ts', path.join(out, 'search')]),
      tsx(['scripts/ingest-report.ts', '--out', path.join(out, 'ingest-report.json')]),
    ]);
    expect(index.code).toBe(0);
    expect(index.stdout).toMatch(/search index: 8 articles/);
    for (const [where] of REJECTED) expect(index.stderr).toContain(`${where}: `);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/12 files rejected/);
    const json = JSON.parse(readFileSync(path.join(out, 'ingest-report.json'), 'utf8'));
    expect(json.rejected).toHaveLength(12);
    expect(json.pages).toHaveLength(7);
  }, 60_000);
});
