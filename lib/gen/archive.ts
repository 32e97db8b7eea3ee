/** Writes a generated archive: `<out>/<YYYY-MM-DD>/<NN>.md`, and with `truth` `<NN>.expected.json` beside each. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePaper } from './articles';
import { generateIssue } from './page';
import { createRng } from './rng';

export interface ArchiveOptions {
  issues: number;
  out: string;
  seed?: number | string;
  truth?: boolean;
  /** First issue's date (ISO); one issue a day from there. */
  start?: string;
  damage?: number;
}

export interface ArchiveSummary {
  paper: string;
  issues: number;
  pages: number;
  articles: number;
  bytes: number;
}

export function issueDate(start: string, i: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`start: not a date: ${start}`);
  d.setUTCDate(d.getUTCDate() + i);
  return d.toISOString().slice(0, 10);
}

export function generateArchive(opts: ArchiveOptions): ArchiveSummary {
  const rng = createRng(opts.seed ?? 1);
  const paper = makePaper(rng);
  const summary: ArchiveSummary = { paper: paper.name, issues: opts.issues, pages: 0, articles: 0, bytes: 0 };
  for (let i = 0; i < opts.issues; i++) {
    const date = issueDate(opts.start ?? '2025-01-01', i);
    const issue = generateIssue(rng, { paper, date, damage: opts.damage });
    const dir = join(opts.out, date);
    mkdirSync(dir, { recursive: true });
    for (const p of issue.pages) {
      const nn = String(p.meta.page).padStart(2, '0');
      writeFileSync(join(dir, `${nn}.md`), p.raw);
      if (opts.truth) writeFileSync(join(dir, `${nn}.expected.json`), JSON.stringify(p.expected, null, 2) + '\n');
      summary.pages++;
      summary.articles += p.expected.articles.length;
      summary.bytes += Buffer.byteLength(p.raw);
    }
  }
  return summary;
}
