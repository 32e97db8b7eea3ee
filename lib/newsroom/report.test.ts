import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '@/lib/ingest/blocks';
import { charCount } from './accounting';
import { checkPage, reportFor } from './page-check';
import { runReport } from './report-command';
import { workspace } from './test-helpers';

const dir = path.join(__dirname, '..', 'ingest', 'fixtures');
const pages = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('repair report accounting', () => {
  it.each(pages)('%s: input = articles + furniture + dropped + logged, nothing lost', (name) => {
    const c = checkPage(readFileSync(path.join(dir, name)), name);
    const t = c.totals;
    // The input total is counted from the blocks themselves, not from the fates.
    expect(t.input).toBe(splitBlocks(c.text, c.firstLine).reduce((n, b) => n + charCount(b.text), 0));
    expect(t.article + t.furniture + t.dropped + t.logged).toBe(t.input);
    expect(t.lost).toBe(0);
    expect(t.addsUp).toBe(true);
    expect(t.article).toBeGreaterThan(0);
    const dropped = c.page.repairs.filter((r) => r.kind === 'repeat-dropped' || r.kind === 'bleed-dropped').length;
    expect(t.blocks.dropped).toBeLessThanOrEqual(dropped);
    expect(reportFor(c)).toContain(`✓ ${t.input.toLocaleString('en-US')} = ${t.article.toLocaleString('en-US')} + `);
  });

  it('counts the seed: 6,130 input characters, 1,351 of them dropped repeats', () => {
    const c = checkPage(readFileSync(path.join(dir, 'seed.md')), 'seed.md');
    expect(c.totals).toMatchObject({ input: 6130, article: 4734, furniture: 33, dropped: 1351, logged: 12, lost: 0 });
  });
});

describe('repair report page', () => {
  const seed = checkPage(readFileSync(path.join(dir, 'seed.md')), 'content/2025-07-31/01.md');
  const html = reportFor(seed);

  it('links every dropped block to the copy that was kept', () => {
    const drops = seed.page.repairs.filter((r) => r.kind === 'repeat-dropped' || r.kind === 'bleed-dropped');
    expect(drops.length).toBeGreaterThan(5);
    for (const d of drops) {
      const block = html.slice(html.indexOf(`id="L${d.line}"`), html.indexOf('</div>\n', html.indexOf(`id="L${d.line}"`)));
      expect(block).toContain(`href="#L${d.keptLine}"`);
      expect(html).toContain(`id="L${d.keptLine}"`);
    }
  });

  it('marks repairs by kind with a legend, and keeps out of search engines without script', () => {
    for (const label of ['重复删除', '串文删除', '断栏接续', '错位归位', '版面元素', '栏头横幅']) expect(html).toContain(label);
    expect(html).toContain('<meta name="robots" content="noindex,nofollow">');
    expect(html).not.toMatch(/<script|<link|src=|href="http/);
  });

  it('opens with the least certain decisions, least certain first, each linked to its block', () => {
    const ds = seed.page.decisions ?? [];
    expect(ds.length).toBeGreaterThan(3);
    for (let i = 1; i < ds.length; i++) expect(ds[i]!.confidence).toBeGreaterThanOrEqual(ds[i - 1]!.confidence);
    const box = html.slice(html.indexOf('先核查'), html.indexOf('</ol>', html.indexOf('先核查')));
    const links = [...box.matchAll(/href="#L(\d+)"/g)].map((m) => Number(m[1]));
    expect(links).toEqual(ds.slice(0, links.length).map((d) => d.line));
    for (const line of links) expect(html).toContain(`id="L${line}"`);
    expect(box).toContain(`${Math.round(ds[0]!.confidence * 100)}%`);
  });

  it('escapes the page text', () => {
    const text = '---\npaper: 青禾日报\ndate: 2025-03-12\npage: 2\npageName: 要闻\n---\n### <script>alert(1)</script>标题\n\n■记者 吴八\n\n正文<img src=x onerror=alert(1)>有“引号”&amp;。\n';
    const out = reportFor(checkPage(new TextEncoder().encode(text), 'x.md'));
    expect(out).not.toContain('<script>alert');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&amp;amp;');
  });
});

describe('npm run report', () => {
  it('rewrites the report of a content page with its overrides, and fails on a missing page', () => {
    const ws = workspace('嘉兴日报');
    ws.write('content/2025-07-31/01.md', readFileSync(path.join(dir, 'seed.md')));
    ws.write('content/2025-07-31/01.overrides.yaml', 'kind:\n  18: commentary\nsubhead: [9999]\n');
    expect(runReport(['content/2025-07-31/01.md', ...ws.dirs.slice(2)], ws)).toBe(1);
    expect(ws.out()).toMatch(/^content\/2025-07-31\/01\.md → reports\/2025-07-31\/01\.html {2}input 6130 = articles 4734 \+ furniture 33 \+ dropped 1351 \+ logged 12 \+ lost 0 ✓$/m);
    expect(ws.err()).toContain('content/2025-07-31/01.overrides.yaml:3: subhead: no block of the page starts at or spans line 9999');
    const html = readFileSync(path.join(ws.dir, 'reports/2025-07-31/01.html'), 'utf8');
    expect(html).toContain('override: kind news → commentary');
    expect(runReport(['content/2025-07-31/09.md', ...ws.dirs.slice(2)], ws)).toBe(1);
    expect(ws.err()).toContain('content/2025-07-31/09.md: no such file');
  });
});
