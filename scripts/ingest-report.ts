/**
 * npm run ingest:report [-- --out FILE]: reads CONTENT_DIR (or content/) as the site does, prints what
 * was repaired and what was rejected, and keeps the report as JSON (default reports/ingest-report.json,
 * out of public/: it names files on the build machine). Runs at the start of `npm run build`. Exits 0
 * with rejected files (the site serves the rest); --strict exits 1 instead.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport, ingestReport } from '@/lib/content/ingest-report';
import { contentDir, loadArchive } from '@/lib/content/load';

const { values } = parseArgs({ options: { out: { type: 'string' }, strict: { type: 'boolean' } } });
const out = path.resolve(values.out ?? 'reports/ingest-report.json');
// The report prints each rejected file once, below.
const archive = loadArchive(contentDir(), { onError: () => {} });
const report = ingestReport(archive);
for (const line of formatReport(report)) console.log(line);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
console.log(`ingest report: ${path.relative(process.cwd(), out)}`);
if (values.strict && report.rejected.length > 0) process.exitCode = 1;
