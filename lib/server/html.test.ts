import { describe, expect, it } from 'vitest';
import { finishPage, prefsFromCookies, withPrefs } from './html';

const button = (name: string, value: string, pressed: boolean) =>
  `<button type="submit" name="${name}" value="${value}" aria-pressed="${pressed}">${value}</button>`;
const page =
  '<!DOCTYPE html><html lang="zh-Hans"><head><script>self.__next_f.push([1,"a"])</script></head><body><form>' +
  ['s', 'm', 'l', 'xl'].map((v) => button('size', v, v === 'm')).join('') +
  ['auto', 'light', 'dark'].map((v) => button('theme', v, v === 'auto')).join('') +
  '</form><p>value="dark" aria-pressed="false"</p></body></html>';

describe('finishing a cached page for one reader', () => {
  it('reads the preference cookies and ignores unknown values', () => {
    expect(prefsFromCookies('a=1; dubao-size=xl; dubao-theme=dark')).toEqual({ size: 'xl', theme: 'dark' });
    expect(prefsFromCookies('dubao-size=huge; dubao-theme=<script>')).toEqual({ size: 'm', theme: 'auto' });
    expect(prefsFromCookies(undefined)).toEqual({ size: 'm', theme: 'auto' });
  });

  it('leaves the page as rendered for the defaults', () => {
    expect(withPrefs(page, { size: 'm', theme: 'auto' })).toBe(page);
  });

  it('puts the preferences on <html> and presses the matching buttons', () => {
    const out = withPrefs(page, { size: 'xl', theme: 'dark' });
    expect(out).toContain('<html lang="zh-Hans" data-size="xl" data-theme="dark">');
    expect(out).toContain(button('size', 'xl', true));
    expect(out).toContain(button('size', 'm', false));
    expect(out).toContain(button('theme', 'dark', true));
    expect(out).toContain(button('theme', 'auto', false));
    // Text that merely looks like a button is left alone.
    expect(out).toContain('<p>value="dark" aria-pressed="false"</p>');
    expect(out.match(/aria-pressed="true"/g)).toHaveLength(2);
  });

  it('computes the policy from the page’s own scripts, for a header', () => {
    const { policy } = finishPage(page, { size: 'l', theme: 'auto' });
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';/);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
