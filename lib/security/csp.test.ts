import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isShippedScript, policyFor } from './csp';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

const payload = 'self.__next_f.push([1,"5:I[\\"x\\"]\\n\\u003cb\\u003e"])';
const bootstrap = '(self.__next_f=self.__next_f||[]).push([0])';
const page =
  `<!DOCTYPE html><html lang="zh-Hans"><head><script src="/_next/static/chunks/a.js" async=""></script>` +
  `<script>${bootstrap}</script></head><body><script type="application/ld+json">{"@type":"NewsArticle"}</script>` +
  `<script>${payload}</script></body></html>`;

describe('content security policy', () => {
  it('allows the page’s own inline scripts by hash, and no unsafe-inline or eval', () => {
    const policy = directives(policyFor(page, { header: true }));
    expect(policy.get('script-src')).toEqual(["'self'", hash(bootstrap), hash(payload)]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    // JSON-LD is data, not code: it needs no hash.
    expect(policyFor(page)).not.toContain(hash('{"@type":"NewsArticle"}'));
    expect(policyFor(page)).not.toMatch(/unsafe|frame-ancestors/);
  });

  it('gives no hash to a script smuggled into the page, even one dressed as the RSC payload', () => {
    const smuggled = [
      'alert(1)',
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push([1,"x"]),alert(1)//)',
      'self.__next_f.push(alert(1))',
      'self.__next_f.push(1)',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"a":1}),alert(1);',
    ];
    for (const body of smuggled) {
      expect(isShippedScript(body), body).toBe(false);
      const refused: string[] = [];
      const policy = policyFor(page.replace('</body>', `<script>${body}</script></body>`), {
        onRefused: (b) => refused.push(b),
      });
      expect(policy, body).not.toContain(hash(body));
      expect(refused).toEqual([body]);
    }
    expect(isShippedScript(payload)).toBe(true);
    expect(
      isShippedScript(
        '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[94553]});',
      ),
    ).toBe(true);
  });

  it('hashes inline styles', () => {
    expect(directives(policyFor('<style>p{color:red}</style>')).get('style-src')).toEqual([
      "'self'",
      hash('p{color:red}'),
    ]);
  });
});
