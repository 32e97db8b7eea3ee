import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DeskConfig } from './config';
import {
  clearSessionCookie,
  issueSession,
  readSession,
  SESSION_TTL_MS,
  sessionCookie,
  sessionKey,
} from './session';

const key = randomBytes(32);
const T = Date.UTC(2025, 6, 31, 8);
const HOUR = 60 * 60 * 1000;

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const sign = (k: Buffer, payload: string) =>
  `${payload}.${createHmac('sha256', k).update(payload).digest('base64url')}`;

describe('session cookies', () => {
  it('read back the editor, sid and expiry they were issued with', () => {
    const value = issueSession(key, '王小明', T);
    const session = readSession(key, value, T + HOUR);
    expect(session).toEqual({
      name: '王小明',
      sid: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      exp: T + SESSION_TTL_MS,
    });
    expect(JSON.parse(Buffer.from(value.split('.')[0]!, 'base64url').toString())).toEqual({
      n: '王小明',
      iat: T,
      exp: T + 8 * HOUR,
      sid: session!.sid,
    });
    expect(issueSession(key, '王小明', T)).not.toBe(value);
  });

  it('end after 8 hours, and are refused when issued in the future', () => {
    const value = issueSession(key, 'zhang', T);
    expect(readSession(key, value, T + 8 * HOUR - 1)).not.toBeNull();
    expect(readSession(key, value, T + 8 * HOUR)).toBeNull();
    expect(readSession(key, value, T - 2 * 60_000)).toBeNull();
  });

  it('refuse a forged, swapped, re-signed, truncated or garbled value', () => {
    const value = issueSession(key, 'zhang', T);
    const [payload, mac] = value.split('.') as [string, string];
    const other = issueSession(key, 'wang', T);
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const forged = b64({ n: 'wang', iat: T, exp: T + SESSION_TTL_MS, sid: 'A'.repeat(22) });
    const bad = [
      `${forged}.${mac}`, // someone else's name under zhang's MAC
      `${payload}.${other.split('.')[1]}`, // zhang's payload, wang's MAC
      `${flip(payload, 5)}.${mac}`,
      `${payload}.${flip(mac, 10)}`,
      sign(randomBytes(32), forged), // signed with another key
      value.slice(0, -1),
      payload,
      `${payload}.`,
      `.${mac}`,
      `${value}.x`,
      `${payload}.${mac}=`,
      `${payload}.${Buffer.from(mac, 'base64url').toString('base64')}`,
      'not base64!.@@@',
      '',
      'x'.repeat(5000),
    ];
    for (const v of bad) expect(readSession(key, v, T + 1), v).toBeNull();
    expect(readSession(randomBytes(32), value, T + 1)).toBeNull();
    expect(readSession(key, null, T)).toBeNull();
    expect(readSession(key, undefined, T)).toBeNull();
  });

  it('refuse a well-signed payload of the wrong shape (never throw)', () => {
    const ok = { n: 'zhang', iat: T, exp: T + HOUR, sid: 'A'.repeat(22) };
    expect(readSession(key, sign(key, b64(ok)), T)).toEqual({ name: 'zhang', sid: ok.sid, exp: T + HOUR });
    const payloads = [
      b64({ ...ok, n: '../x' }),
      b64({ ...ok, n: 1 }),
      b64({ ...ok, sid: 'short' }),
      b64({ ...ok, exp: T + 9 * HOUR }),
      b64({ ...ok, exp: String(T + HOUR) }),
      b64({ ...ok, iat: T + HOUR, exp: T }),
      b64(null),
      b64([1, 2]),
      Buffer.from('{not json').toString('base64url'),
      Buffer.from([0xff, 0xfe]).toString('base64url'),
    ];
    for (const p of payloads) expect(readSession(key, sign(key, p), T), p).toBeNull();
  });

  it('refuse to issue for a bad name or short key', () => {
    expect(() => issueSession(key, 'a/b', T)).toThrow();
    expect(() => issueSession(randomBytes(16), 'zhang', T)).toThrow();
  });
});

describe('the session key', () => {
  const token: DeskConfig = { enabled: true, mode: 'token', token: 'correct-horse-battery' };
  const usersMode: DeskConfig = {
    enabled: true,
    mode: 'users',
    file: 'f',
    users: new Map(),
    dummy: { N: 16384, r: 8, p: 1, salt: Buffer.alloc(16), hash: Buffer.alloc(32) },
  };

  it('comes from DUBAO_DESK_SECRET, else the token, else is random per process', () => {
    const secret = { DUBAO_DESK_SECRET: 's'.repeat(32) };
    expect(sessionKey(token, secret)).toEqual(sessionKey(usersMode, secret));
    expect(sessionKey(token, secret)).not.toEqual(sessionKey(token, { DUBAO_DESK_SECRET: 't'.repeat(32) }));
    expect(sessionKey(token, {})).toHaveLength(32);
    expect(sessionKey(token, {})).toEqual(sessionKey({ ...token }, {}));
    expect(sessionKey(token, {})).not.toEqual(sessionKey({ ...token, token: 'correct-horse-battery!' }, {}));
    expect(sessionKey(token, {})).not.toEqual(Buffer.from(token.token));
    expect(sessionKey(usersMode, {})).toHaveLength(32);
    expect(sessionKey(usersMode, {})).toBe(sessionKey(usersMode, {}));
    expect(() => sessionKey(token, { DUBAO_DESK_SECRET: 'short' })).toThrow(/32/);
    expect(() => sessionKey({ enabled: false, why: '' }, {})).toThrow();
  });

  it('from the token, signs sessions another instance with the same token accepts', () => {
    const value = issueSession(sessionKey(token, {}), 'zhang', T);
    expect(readSession(sessionKey({ ...token }, {}), value, T)?.name).toBe('zhang');
    expect(readSession(sessionKey({ ...token, token: 'another-token-entirely' }, {}), value, T)).toBeNull();
  });
});

describe('the cookie header', () => {
  it('is HttpOnly, SameSite=Strict, on /desk, Secure only over https', () => {
    expect(sessionCookie('abc.def', { secure: true, maxAgeSeconds: 60 })).toBe(
      'dubao_desk=abc.def; Path=/desk; Max-Age=60; HttpOnly; SameSite=Strict; Secure',
    );
    expect(sessionCookie('abc.def', { secure: false })).toBe(
      'dubao_desk=abc.def; Path=/desk; Max-Age=28800; HttpOnly; SameSite=Strict',
    );
    expect(clearSessionCookie(true)).toBe(
      'dubao_desk=; Path=/desk; Max-Age=0; HttpOnly; SameSite=Strict; Secure',
    );
    expect(clearSessionCookie(false)).not.toMatch(/Secure/);
  });

  it('refuses a value or Max-Age that would break the header', () => {
    expect(() => sessionCookie('a;Path=/', { secure: true })).toThrow();
    expect(() => sessionCookie('a\r\nSet-Cookie: x=y', { secure: true })).toThrow();
    expect(() => sessionCookie('a', { secure: true, maxAgeSeconds: 1.5 })).toThrow();
    expect(() => sessionCookie('a', { secure: true, maxAgeSeconds: -1 })).toThrow();
  });
});
