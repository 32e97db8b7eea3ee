import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from './load';
import { archiveVersion } from './version';

const FIXTURES = path.resolve(__dirname, '../../e2e/fixtures');
const quiet = { onError: () => {} };
const scratch = mkdtempSync(path.join(tmpdir(), 'dubao-version-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the archive's version without parsing", () => {
  it('is the version the loader gives, for a clean archive and one with broken files', () => {
    for (const name of ['archive', 'bad-archive']) {
      const dir = path.join(FIXTURES, name);
      expect(archiveVersion(dir)).toBe(loadArchive(dir, quiet).version);
    }
  });

  it('changes with a touched page, a new overrides file and a new issue, as the loader sees them', () => {
    const dir = path.join(scratch, 'archive');
    cpSync(path.join(FIXTURES, 'archive'), dir, { recursive: true });
    const seen = [archiveVersion(dir)];
    const page = path.join(dir, '2025-03-14', '02.md');
    utimesSync(page, new Date(), new Date(Date.now() + 60_000));
    seen.push(archiveVersion(dir));
    writeFileSync(path.join(dir, '2025-03-14', '02.overrides.yaml'), 'articles: {}\n');
    seen.push(archiveVersion(dir));
    cpSync(path.join(dir, '2025-03-14'), path.join(dir, '2025-03-15'), { recursive: true });
    seen.push(archiveVersion(dir));
    expect(new Set(seen).size).toBe(4);
    expect(seen.at(-1)).toBe(loadArchive(dir, quiet).version);
  });

  it('of a missing folder is that of an empty archive', () => {
    const empty = mkdtempSync(path.join(scratch, 'empty-'));
    expect(archiveVersion(path.join(scratch, 'nowhere'))).toBe(archiveVersion(empty));
  });
});
