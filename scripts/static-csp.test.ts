import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { STATIC_PREFS_SCRIPT } from '@/components/layout/static-prefs';
import { policyFor, withPolicy } from './static-csp';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('the static export CSP', () => {
  const html =
    '<!DOCTYPE html><html lang="zh-Hans"><head><meta charSet="utf-8"/><script src="/_next/static/chunks/a.js" async=""></script>' +
    '<script>self.__next_f.push([1,"x"])</script></head><body><script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>';

  it('allows exactly the inline scripts of the page by hash, and no unsafe-inline', () => {
    const policy = policyFor(html);
    expect(policy).toContain(
      `script-src 'self' ${hash('self.__next_f.push([1,"x"])')} ${hash('(self.__next_f=self.__next_f||[]).push([0])')};`,
    );
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // JSON-LD is data, not code: it needs no hash.
    expect(policy).not.toContain(hash('{"@type":"NewsArticle"}'));
  });

  it('puts the policy first in <head>, once, even when run twice', () => {
    const once = withPolicy(html);
    expect(once).toMatch(
      /^<!DOCTYPE html><html lang="zh-Hans"><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; /,
    );
    expect(withPolicy(once)).toBe(once);
  });

  it('refuses a file without <head>', () => {
    expect(() => withPolicy('<p>hi</p>')).toThrow(/no <head>/);
  });

  it('allows the preference script in <head> and refuses any other unknown inline script', () => {
    const withPrefs = html.replace('<head>', `<head><script>${STATIC_PREFS_SCRIPT}</script>`);
    expect(policyFor(withPrefs)).toContain(hash(STATIC_PREFS_SCRIPT));
    const refused: string[] = [];
    withPolicy(html.replace('</body>', '<script>alert(1)</script></body>'), (b) => refused.push(b));
    expect(refused).toEqual(['alert(1)']);
  });
});
