import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (file: string) => spawnSync('npx', ['tsx', 'scripts/parse.ts', file], { encoding: 'utf8' });

describe('npm run parse', () => {
  it('prints the seed page as JSON', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/parse.ts', 'content/2025-07-31/01.md'], { encoding: 'utf8' });
    const page = JSON.parse(out);
    expect(page.meta).toMatchObject({ paper: '嘉兴日报', page: 1 });
    expect(page.articles).toHaveLength(7);
  });

  it('exits 1 with one line naming a missing file', () => {
    const r = run('content/nope.md');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('content/nope.md: no such file');
  });

  it('exits 1 with one line naming the file and line of broken front matter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dubao-'));
    const file = join(dir, 'bad.md');
    writeFileSync(file, '---\npaper: 青禾日报\ndate: 2025-13-01\npage: 1\npageName: 要闻\n---\n### 标题\n正文。\n');
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`${file}:3: front matter: date: date must be a calendar date written YYYY-MM-DD`);
  });
});
