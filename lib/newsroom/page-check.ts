/**
 * Parses one content page (front matter + raw text) with its editor's overrides, the way the
 * import and the report both need it: the parsed page, the accounting, and what is wrong.
 */
import { splitBlocks } from '@/lib/ingest/blocks';
import { articleId } from '@/lib/ingest/id';
import { IngestError, parsePage, readRawPage, type ParsedPage } from '@/lib/ingest';
import { checkOverrides, readOverrides, type Overrides } from '@/lib/ingest/overrides';
import { accountPage, type Totals } from './accounting';
import { renderReport } from './report';

export interface CheckedPage {
  file: string;
  page: ParsedPage;
  text: string;
  firstLine: number;
  overrides?: Overrides;
  /** Overrides that name no block or cannot apply; each names the overrides file and line. */
  problems: string[];
  warnings: string[];
  totals: Totals;
}

/** The overrides sidecar of a content page: 01.md → 01.overrides.yaml. */
export const overridesPathFor = (pageFile: string) => pageFile.replace(/\.md$/, '') + '.overrides.yaml';

/** Throws IngestError (bad page, bad overrides file, no article) naming the file and line. */
export function checkPage(bytes: Uint8Array, file: string, overrides?: { bytes: Uint8Array; file: string }): CheckedPage {
  const raw = readRawPage(bytes, file);
  const ov = overrides ? readOverrides(overrides.bytes, overrides.file) : undefined;
  const parsed = parsePage(raw.text, raw.meta, { firstLine: raw.firstLine, ...(ov ? { overrides: ov } : {}) });
  if (parsed.articles.length === 0) {
    throw new IngestError(file, raw.firstLine, 'no article found: the page has no headline with text under it');
  }
  const page: ParsedPage = { meta: raw.meta, ...parsed };
  const { totals } = accountPage(raw.text, page, raw.firstLine);
  // An article keyed by id keeps that name for the editor even after its headline was overridden.
  const ids = [
    ...page.articles.map((a) => a.id),
    ...page.repairs.filter((r) => r.kind === 'override').map((r) => articleId(raw.meta.date, raw.meta.page, r.text)),
  ];
  const problems = ov ? checkOverrides(ov, splitBlocks(raw.text, raw.firstLine), ids) : [];
  const warnings = [...raw.warnings];
  if (totals.lost > 0) warnings.push(`${totals.blocks.lost} block(s) found nowhere in the rebuilt page (see the report)`);
  return { file, page, text: raw.text, firstLine: raw.firstLine, ...(ov ? { overrides: ov } : {}), problems, warnings, totals };
}

export function reportFor(c: CheckedPage): string {
  return renderReport({
    file: c.file,
    text: c.text,
    firstLine: c.firstLine,
    page: c.page,
    ...(c.overrides ? { overrides: c.overrides } : {}),
    problems: c.problems,
    warnings: c.warnings,
  });
}
