import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCsrf, csrfToken, sameOrigin } from './csrf';

const key = randomBytes(32);
const sid = 'A'.repeat(22);

describe('CSRF tokens', () => {
  it('pass for their own session only', () => {
    const token = csrfToken(key, sid);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(checkCsrf(key, sid, token)).toBe(true);
    expect(checkCsrf(key, 'B'.repeat(22), token)).toBe(false);
    expect(checkCsrf(key, sid, csrfToken(key, 'B'.repeat(22)))).toBe(false);
    expect(checkCsrf(randomBytes(32), sid, token)).toBe(false);
  });

  it('fail when missing, truncated, padded or altered', () => {
    const token = csrfToken(key, sid);
    for (const given of [
      null,
      undefined,
      '',
      token.slice(0, -1),
      `${token}=`,
      `${token}A`,
      token.toUpperCase(),
    ])
      expect(checkCsrf(key, sid, given), String(given)).toBe(false);
    expect(checkCsrf(key, '', csrfToken(key, ''))).toBe(false);
  });
});

describe('same-origin requests', () => {
  it('pass with Sec-Fetch-Site same-origin, or with an Origin naming the Host', () => {
    expect(sameOrigin({ secFetchSite: 'same-origin' })).toBe(true);
    expect(
      sameOrigin({ secFetchSite: 'same-origin', origin: 'https://dubao.example', host: 'dubao.example' }),
    ).toBe(true);
    expect(sameOrigin({ origin: 'https://dubao.example', host: 'dubao.example' })).toBe(true);
    expect(sameOrigin({ origin: 'https://dubao.example', host: 'dubao.example:443' })).toBe(true);
    expect(sameOrigin({ origin: 'http://localhost:3000', host: 'localhost:3000' })).toBe(true);
    expect(sameOrigin({ origin: 'https://Dubao.Example', host: 'DUBAO.example' })).toBe(true);
  });

  it('fail from another site, or with neither header', () => {
    const cases = [
      { secFetchSite: 'cross-site', origin: 'https://dubao.example', host: 'dubao.example' },
      { secFetchSite: 'same-site', origin: 'https://dubao.example', host: 'dubao.example' },
      { secFetchSite: 'none' },
      { secFetchSite: 'same-origin', origin: 'https://evil.example', host: 'dubao.example' },
      { origin: 'https://evil.example', host: 'dubao.example' },
      { origin: 'https://dubao.example.evil.example', host: 'dubao.example' },
      { origin: 'https://dubao.example:8443', host: 'dubao.example' },
      { origin: 'http://localhost:3001', host: 'localhost:3000' },
      { origin: 'null', host: 'dubao.example' },
      { origin: 'https://dubao.example/', host: 'dubao.example' },
      { origin: 'https://dubao.example', host: 'evil.example@dubao.example' },
      { origin: 'https://dubao.example', host: 'dubao.example/x' },
      { origin: 'https://dubao.example' },
      { origin: 'file://', host: '' },
      { host: 'dubao.example' },
      {},
      { secFetchSite: null, origin: null, host: null },
    ];
    for (const headers of cases) expect(sameOrigin(headers), JSON.stringify(headers)).toBe(false);
  });
});
