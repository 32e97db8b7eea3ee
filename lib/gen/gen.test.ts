import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from './archive';
import { createRng, generateIssue, generatePage, makePaper, type GeneratedPage } from '.';

const blocksOf = (raw: string): string[] =>
  raw
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);

/** Can `text` be cut into consecutive pieces that are each a whole raw block? */
function madeOfBlocks(text: string, blocks: Set<string>): boolean {
  const ok = new Array<boolean>(text.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < text.length; i++) {
    if (!ok[i]) continue;
    for (const b of blocks) if (text.startsWith(b, i)) ok[i + b.length] = true;
  }
  return ok[text.length]!;
}

const pages = (n: number, seed: number, damage?: number): GeneratedPage[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => generatePage(rng, { page: (i % 8) + 1, jumpTo: [9, 10], damage }));
};

describe('generatePage', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generatePage(createRng(42));
    expect(generatePage(createRng(42))).toEqual(a);
    expect(generatePage(createRng(43)).raw).not.toBe(a.raw);
    expect(a.raw).toMatch(/^---\npaper: .+\ndate: 2025-07-31\npage: 1\npageName: .+\n---\n/);
    expect(a.expected.articles.length).toBeGreaterThanOrEqual(4);
  });

  it("prints every ground-truth paragraph, whole or in pieces, in the raw page", () => {
    for (const p of pages(150, 1)) {
      const blocks = new Set(blocksOf(p.raw));
      for (const a of p.expected.articles) {
        expect(blocks.has(`### ${a.headline}`) || blocks.has(`#### ${a.headline}`) || p.raw.includes(` ${a.headline}\n`)).toBe(true);
        for (const b of a.body) expect(madeOfBlocks(b.text, blocks), b.text).toBe(true);
      }
      for (const f of p.expected.furniture) expect(p.raw).toContain(f);
    }
  });

  it('really injects the damage', () => {
    let cut = 0;
    let repeated = 0;
    let oneLineKicker = 0;
    let banners = 0;
    let tailFirst = 0;
    for (const p of pages(150, 2)) {
      const list = blocksOf(p.raw);
      const blocks = new Set(list);
      repeated += list.length - blocks.size;
      for (const a of p.expected.articles) {
        if (a.kicker && blocks.has(`### ${a.kicker} ${a.headline}`)) oneLineKicker++;
        for (const b of a.body) {
          if (blocks.has(b.text)) continue;
          cut++;
          // the tail of a cut paragraph printed before its start
          const tail = list.findIndex((x) => x !== b.text && b.text.endsWith(x) && x.length < b.text.length);
          const start = list.findIndex((x) => x !== b.text && b.text.startsWith(x) && x.length < b.text.length);
          if (tail >= 0 && start >= 0 && tail < start) tailFirst++;
        }
      }
      banners += p.expected.furniture.filter((f) => p.raw.includes(`### ${f}`)).length;
    }
    expect(cut).toBeGreaterThan(100);
    expect(repeated).toBeGreaterThan(50);
    expect(oneLineKicker).toBeGreaterThan(3);
    expect(banners).toBeGreaterThan(3);
    expect(tailFirst).toBeGreaterThan(10);
  });

  it('prints a clean page when damage is 0', () => {
    for (const p of pages(40, 3, 0)) {
      const list = blocksOf(p.raw);
      expect(new Set(list).size).toBe(list.length);
      for (const a of p.expected.articles) for (const b of a.body) expect(list).toContain(b.text);
    }
  });
});

describe('generateIssue and generateArchive', () => {
  it('continues each jump on its page under the same headline', () => {
    const rng = createRng(5);
    let jumps = 0;
    for (let i = 0; i < 10; i++) {
      const issue = generateIssue(rng, { paper: makePaper(rng), date: '2025-03-01' });
      expect(issue.pages.length).toBeGreaterThanOrEqual(4);
      expect(issue.pages.length).toBeLessThanOrEqual(12);
      for (const p of issue.pages) {
        for (const a of p.expected.articles.filter((x) => x.jump)) {
          jumps++;
          const target = issue.pages[a.jump!.toPage - 1]!;
          const cont = target.expected.articles.find((x) => x.headline === a.headline);
          expect(cont?.continuedFrom).toEqual({ fromPage: p.meta.page });
          expect(p.raw).toMatch(new RegExp(`[（(]下转第?[0-9一二三四五六七八九十]+版[）)]`));
          expect(target.raw).toMatch(/[（(]上接/);
        }
      }
    }
    expect(jumps).toBeGreaterThan(5);
  });

  it('writes <out>/<date>/<NN>.md with ground truth beside, the same for the same seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-'));
    try {
      const s = generateArchive({ issues: 3, out: join(dir, 'a'), seed: 9, truth: true, start: '2025-12-30' });
      generateArchive({ issues: 3, out: join(dir, 'b'), seed: 9, start: '2025-12-30' });
      expect(readdirSync(join(dir, 'a'))).toEqual(['2025-12-30', '2025-12-31', '2026-01-01']);
      const files = readdirSync(join(dir, 'a', '2025-12-31'));
      expect(files).toContain('01.md');
      expect(files).toContain('01.expected.json');
      expect(files.filter((f) => f.endsWith('.md')).length).toBe(files.length / 2);
      expect(readFileSync(join(dir, 'a', '2025-12-31', '01.md'), 'utf8')).toBe(readFileSync(join(dir, 'b', '2025-12-31', '01.md'), 'utf8'));
      expect(s.pages).toBeGreaterThanOrEqual(12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
