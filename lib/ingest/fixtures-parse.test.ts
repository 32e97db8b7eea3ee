/** Every hand-written fixture page parses to its expected reconstruction and loses nothing. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lostBlocks } from './coverage';
import { readRawPage } from './raw';
import { parsePage } from './parse';
import { withoutIds } from './test-helpers';

const fixtures = join(__dirname, 'fixtures');
// The hand-written fixtures and every blind held-out set (fixtures/holdout*).
const dirs = [fixtures, ...readdirSync(fixtures).filter((d) => d.startsWith('holdout')).map((d) => join(fixtures, d))];

describe.each(dirs.filter((d) => { try { return readdirSync(d).length > 0; } catch { return false; } }))('pages in %s', (dir) => {
  const names = readdirSync(dir).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', ''));
  it.each(names)('%s', (name) => {
    const file = join(dir, `${name}.md`);
    const raw = readRawPage(readFileSync(file), file);
    const page = parsePage(raw.text, raw.meta, { firstLine: raw.firstLine });
    expect(lostBlocks(raw.text, page, raw.firstLine)).toEqual([]);
    expect(withoutIds(page)).toEqual(JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')));
  });
});
