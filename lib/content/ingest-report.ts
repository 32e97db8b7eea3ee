/**
 * What ingest made of an archive: every page read (with the repairs the parser made and any decode
 * warnings) and every file rejected (with the loader's one-line `file:line: reason`). Printed at
 * build and kept as JSON (scripts/ingest-report.ts), so an editor sees what the site leaves out.
 */
import type { RepairKind } from '@/lib/ingest/types';
import type { Archive } from './load';

export interface ReadPage {
  file: string;
  date: string;
  page: number;
  articles: number;
  /** How many repairs of each kind the parser made on this page. */
  repairs: Partial<Record<RepairKind, number>>;
  warnings: string[];
}

export interface Problem {
  /** The file (or folder) the message names, when it names one. */
  file?: string;
  line?: number;
  message: string;
}

export interface IngestReport {
  dir: string;
  issues: number;
  pages: ReadPage[];
  /** Files left off the site. */
  rejected: Problem[];
  /** Problems in pages that are on the site (an article id used twice …). */
  problems: Problem[];
}

const LOCATED = /^(.+?\.(?:md|ya?ml))(?::(\d+))?: /;

function locate(message: string): Problem {
  const m = LOCATED.exec(message);
  if (!m) return { message };
  return { file: m[1], line: m[2] ? Number(m[2]) : undefined, message };
}

export function ingestReport(archive: Archive): IngestReport {
  const pages: ReadPage[] = [];
  for (const issue of archive.issues) {
    for (const p of issue.pages) {
      const repairs: Partial<Record<RepairKind, number>> = {};
      for (const r of p.repairs) repairs[r.kind] = (repairs[r.kind] ?? 0) + 1;
      const warnings = (p as { warnings?: string[] }).warnings ?? [];
      pages.push({ file: p.file, date: issue.date, page: p.meta.page, articles: p.articles.length, repairs, warnings });
    }
  }
  const read = new Set(pages.map((p) => p.file));
  const located = archive.errors.map(locate);
  return {
    dir: archive.dir,
    issues: archive.issues.length,
    pages,
    rejected: located.filter((p) => !p.file || !read.has(p.file)),
    problems: located.filter((p) => p.file !== undefined && read.has(p.file)),
  };
}

/** The report as lines for a terminal: a summary, then each rejected file and each problem. */
export function formatReport(report: IngestReport): string[] {
  const repaired = report.pages.filter((p) => Object.keys(p.repairs).length > 0 || p.warnings.length > 0);
  const counts = new Map<string, number>();
  for (const p of report.pages) for (const [k, n] of Object.entries(p.repairs)) counts.set(k, (counts.get(k) ?? 0) + (n ?? 0));
  const kinds = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  const lines = [
    `ingest: ${report.pages.length} pages in ${report.issues} issues read, ${repaired.length} of them repaired` +
      `${kinds.length ? ` (${kinds.join(', ')})` : ''}; ${report.rejected.length} files rejected`,
  ];
  for (const p of report.pages) for (const w of p.warnings) lines.push(`  repaired ${p.file}: ${w}`);
  for (const r of report.rejected) lines.push(`  rejected ${r.message}`);
  for (const r of report.problems) lines.push(`  problem  ${r.message}`);
  return lines;
}
