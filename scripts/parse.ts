/** npm run -s parse -- <file>: prints the parsed page as JSON; one clear line and exit 1 on bad input. */
import { readFileSync } from 'node:fs';
import { IngestError, parseRawPage } from '../lib/ingest';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run -s parse -- <raw page file>');
  process.exit(2);
}
try {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError(file, undefined, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a page file' : `cannot read: ${(e as Error).message}`);
  }
  const { warnings, ...page } = parseRawPage(bytes, file);
  for (const w of warnings) console.error(`${file}: warning: ${w}`);
  process.stdout.write(JSON.stringify(page, null, 2) + '\n');
} catch (e) {
  if (e instanceof IngestError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
