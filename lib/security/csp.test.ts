import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, makeNonce } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('content security policy', () => {
  it('allows scripts only by nonce in production: no unsafe-inline, no unsafe-eval', () => {
    const policy = directives(contentSecurityPolicy('abc123=='));
    const scripts = policy.get('script-src') ?? [];
    expect(scripts).toContain("'nonce-abc123=='");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('adds eval only in development', () => {
    expect(directives(contentSecurityPolicy('n', true)).get('script-src')).toContain("'unsafe-eval'");
  });

  it('makes a different 128-bit nonce each time', () => {
    const a = makeNonce();
    const b = makeNonce();
    expect(a).not.toBe(b);
    expect(atob(a)).toHaveLength(16);
  });
});
