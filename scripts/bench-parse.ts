/**
 * npm run bench:parse [-- --pages N] [--seed S]
 * Generates N (default 1,000) pages in memory with lib/gen, parses them all with parsePage on this one
 * core, and prints `N pages/s`, total time and peak memory, then how the parser scored against the
 * generator's ground truth (lib/ingest/eval).
 */
import { createRng, generateIssue, makePaper, type GeneratedPage } from '@/lib/gen';
import { issueDate } from '@/lib/gen/archive';
import { parsePage, readRawPage, type Page } from '@/lib/ingest';
import { compare, meetsTargets, totals, TARGETS } from '@/lib/ingest/eval';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const want = Number(arg('--pages') ?? 1000);
if (!Number.isInteger(want) || want < 1) {
  console.error('bench:parse: --pages must be a whole number ≥ 1');
  process.exit(2);
}
const rng = createRng(arg('--seed') ?? 'bench');
const paper = makePaper(rng);

const g0 = performance.now();
const pages: GeneratedPage[] = [];
for (let i = 0; pages.length < want; i++)
  pages.push(...generateIssue(rng, { paper, date: issueDate('2024-01-01', i) }).pages);
pages.length = want;
const genMs = performance.now() - g0;
const bytes = pages.map((p) => new TextEncoder().encode(p.raw));
const mb = bytes.reduce((s, b) => s + b.length, 0) / 1e6;

// Warm up the JIT on a few pages, then time the whole set: decode, front matter, reconstruction.
for (let i = 0; i < Math.min(20, want); i++) {
  const raw = readRawPage(bytes[i]!, `warmup-${i}.md`);
  parsePage(raw.text, raw.meta, { firstLine: raw.firstLine });
}
const results: Page[] = new Array<Page>(want);
const t0 = performance.now();
for (let i = 0; i < want; i++) {
  const raw = readRawPage(
    bytes[i]!,
    `${pages[i]!.meta.date}/${String(pages[i]!.meta.page).padStart(2, '0')}.md`,
  );
  results[i] = parsePage(raw.text, raw.meta, { firstLine: raw.firstLine });
}
const ms = performance.now() - t0;

// The same pages once more, now that the JIT has seen them all: what a long import runs at.
const t1 = performance.now();
for (let i = 0; i < want; i++) {
  const raw = readRawPage(bytes[i]!, `warm-${i}.md`);
  parsePage(raw.text, raw.meta, { firstLine: raw.firstLine });
}
const warmMs = performance.now() - t1;

console.log(`${Math.round(want / (ms / 1000))} pages/s`);
console.log(`${Math.round(want / (warmMs / 1000))} pages/s on a second, warm pass over the same pages`);
console.log(
  `parsed ${want} pages (${mb.toFixed(1)} MB, ${pages.reduce((s, p) => s + p.expected.articles.length, 0)} articles) in ${(ms / 1000).toFixed(2)} s on one core; generated in ${(genMs / 1000).toFixed(2)} s`,
);
console.log(`peak memory (maxRSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

const t = totals(pages.map((p, i) => compare(results[i]!, p.expected)));
console.log(
  `against ground truth: articles P ${t.articlePrecision.toFixed(3)} R ${t.articleRecall.toFixed(3)} · paragraphs exact ${t.paragraphsExact.toFixed(3)} · duplicated ${t.duplicatedParagraphs} · lost ${t.lostParagraphs} · field mismatches ${
    Object.entries(t.fieldMismatches)
      .filter(([, n]) => n > 0)
      .map(([f, n]) => `${f}:${n}`)
      .join(' ') || 'none'
  }`,
);
console.log(
  meetsTargets(t)
    ? 'quality targets met'
    : `quality below target (P/R ≥ ${TARGETS.articlePrecision}, paragraphs exact ≥ ${TARGETS.paragraphsExact}, 0 duplicated, 0 lost)`,
);
