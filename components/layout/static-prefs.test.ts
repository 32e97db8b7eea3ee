import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREFS_SCRIPT_SRC, STATIC_PREFS_SCRIPT } from './static-prefs';

describe('the preference script', () => {
  it('public/prefs.js is the script the pages name, at the URL of its hash', () => {
    const file = readFileSync(path.join(__dirname, '..', '..', 'public', 'prefs.js'), 'utf8');
    expect(file).toBe(`${STATIC_PREFS_SCRIPT}\n`);
    expect(PREFS_SCRIPT_SRC).toMatch(/^\/prefs\.js\?v=[0-9a-f]{12}$/);
  });

  it('sets the known values of the cookies on <html> and nothing else', () => {
    const run = (cookie: string) => {
      const dataset: Record<string, string> = {};
      new Function('document', STATIC_PREFS_SCRIPT)({ cookie, documentElement: { dataset } });
      return dataset;
    };
    expect(run('a=1; dubao-size=xl; dubao-theme=dark')).toEqual({ size: 'xl', theme: 'dark' });
    expect(run('dubao-size=huge; dubao-theme=<script>')).toEqual({});
    expect(run('dubao-size=m; dubao-theme=auto')).toEqual({});
    expect(run('')).toEqual({});
  });
});
