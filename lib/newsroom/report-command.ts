/** `npm run report -- <content page file>…`: (re)writes the repair report of pages already in content/. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IngestError } from '@/lib/ingest';
import { resolveDirs, shown, type Io } from './import';
import { checkPage, overridesPathFor, reportFor } from './page-check';

export const REPORT_USAGE = 'usage: npm run report -- <content/YYYY-MM-DD/NN.md>… [--reports DIR] [--config FILE]';

export function runReport(argv: string[], io: Io): number {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { reports: { type: 'string' }, config: { type: 'string' } } });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${REPORT_USAGE}\n`);
    return 2;
  }
  if (args.positionals.length === 0) {
    io.stderr.write(`${REPORT_USAGE}\n`);
    return 2;
  }
  let reports: string;
  try {
    reports = resolveDirs(io, args.values).reports;
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 2;
  }
  let failed = 0;
  for (const arg of args.positionals) {
    const abs = path.resolve(io.cwd, arg);
    const name = shown(io.cwd, abs);
    try {
      if (!existsSync(abs)) throw new IngestError(name, undefined, 'no such file');
      const sidecar = overridesPathFor(abs);
      const checked = checkPage(readFileSync(abs), name, existsSync(sidecar) ? { bytes: readFileSync(sidecar), file: shown(io.cwd, sidecar) } : undefined);
      const { date, page } = checked.page.meta;
      const out = path.join(reports, date, `${String(page).padStart(2, '0')}.html`);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, reportFor(checked));
      const t = checked.totals;
      io.stdout.write(`${name} → ${shown(io.cwd, out)}  input ${t.input} = articles ${t.article} + furniture ${t.furniture} + dropped ${t.dropped} + logged ${t.logged} + lost ${t.lost} ${t.addsUp ? '✓' : '✗'}\n`);
      for (const p of [...checked.problems, ...checked.warnings]) io.stderr.write(`${name}: warning: ${p}\n`);
      if (checked.problems.length > 0) failed++;
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      io.stderr.write(`${e.message}\n`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}
