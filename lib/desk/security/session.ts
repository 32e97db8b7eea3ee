/**
 * The desk's session: a cookie that carries who signed in and until when, signed with HMAC-SHA256,
 * so the server keeps no session table and a restart or a second instance needs nothing shared but
 * the key. `base64url(payload).base64url(mac)`, the payload `{ n, iat, exp, sid }` (times in
 * milliseconds, as Date.now). The sid is random per sign-in and ties the CSRF token (csrf.ts) to it.
 * Anything wrong with a cookie makes it no session at all: readSession never throws.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { editorName, MIN_SECRET_LENGTH, type DeskConfig } from './config';

export const SESSION_COOKIE = 'dubao_desk';
/** A working day: an editor signs in in the morning and is not asked again before the paper is done. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** Instances' clocks may differ a little; a session issued further ahead than this is refused. */
const CLOCK_SKEW_MS = 60_000;
/** Far above a real cookie (about 150 characters); longer input is refused before any work. */
const MAX_VALUE_LENGTH = 1024;
const KEY_BYTES = 32;
const B64URL = /^[A-Za-z0-9_-]+$/;
const SID = /^[A-Za-z0-9_-]{22}$/;

export interface DeskSession {
  name: string;
  sid: string;
  /** When the session ends, in milliseconds since the epoch. */
  exp: number;
}

const hkdf = (secret: string, info: string) =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'dubao desk', info, KEY_BYTES));

/** Users mode without DUBAO_DESK_SECRET: made once per process, so sessions end when the server restarts. */
let processKey: Buffer | undefined;

/**
 * The key that signs sessions and CSRF tokens. DUBAO_DESK_SECRET when set (at least 32
 * characters); else, with the token, one derived from it (so instances sharing the token accept
 * each other's sessions, and changing the token ends every session); else a random key per process:
 * with a users file and no secret, every session ends on restart. Throws when the desk is off.
 */
export function sessionKey(
  config: DeskConfig,
  env: Record<string, string | undefined> = process.env,
): Buffer {
  if (!config.enabled) throw new Error('the desk is off: no session key');
  const secret = env.DUBAO_DESK_SECRET?.trim() ?? '';
  if (secret) {
    if (secret.length < MIN_SECRET_LENGTH)
      throw new Error(`DUBAO_DESK_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return hkdf(secret, 'session key from DUBAO_DESK_SECRET');
  }
  if (config.mode === 'token') return hkdf(config.token, 'session key from DUBAO_DESK_TOKEN');
  processKey ??= randomBytes(KEY_BYTES);
  return processKey;
}

const mac = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(payload, 'utf8').digest('base64url');

/** A new signed session value for `name`, valid for SESSION_TTL_MS from `now`. */
export function issueSession(key: Buffer, name: string, now: number = Date.now()): string {
  if (key.length < KEY_BYTES) throw new Error('session key too short');
  if (editorName(name) !== name) throw new Error(`not an editor name: ${JSON.stringify(name)}`);
  const sid = randomBytes(16).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ n: name, iat: now, exp: now + SESSION_TTL_MS, sid })).toString(
    'base64url',
  );
  return `${payload}.${mac(key, payload)}`;
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The session a cookie value carries, or null when it is missing, malformed, forged, expired or issued ahead. */
export function readSession(
  key: Buffer,
  value: string | null | undefined,
  now: number = Date.now(),
): DeskSession | null {
  try {
    if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH || key.length < KEY_BYTES) return null;
    const parts = value.split('.');
    if (parts.length !== 2) return null;
    const [payload = '', given = ''] = parts;
    if (!B64URL.test(payload) || !B64URL.test(given)) return null;
    // The MAC first, compared in constant time, and nothing of the payload is read unless it holds.
    const expected = Buffer.from(mac(key, payload));
    const actual = Buffer.from(given);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
    const data: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof data !== 'object' || data === null) return null;
    const { n, iat, exp, sid } = data as Record<string, unknown>;
    if (typeof n !== 'string' || editorName(n) !== n || typeof sid !== 'string' || !SID.test(sid))
      return null;
    if (!isTime(iat) || !isTime(exp) || exp <= iat || exp - iat > SESSION_TTL_MS) return null;
    if (iat > now + CLOCK_SKEW_MS || exp <= now) return null;
    return { name: n, sid, exp };
  } catch {
    return null;
  }
}

const COOKIE_VALUE = /^[A-Za-z0-9_.-]*$/;

function cookie(value: string, secure: boolean, maxAgeSeconds: number): string {
  // Only /desk sees it; JavaScript never does; no other site's request carries it.
  const attrs = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/desk',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

/**
 * The Set-Cookie header for a session value. Secure only when the site is served over https (the
 * caller knows); on plain http (a laptop, an intranet) the browser would drop a Secure cookie.
 */
export function sessionCookie(
  value: string,
  { secure, maxAgeSeconds = SESSION_TTL_MS / 1000 }: { secure: boolean; maxAgeSeconds?: number },
): string {
  // The value goes into a header: refuse anything but what issueSession makes.
  if (!COOKIE_VALUE.test(value)) throw new Error('not a session cookie value');
  if (!Number.isSafeInteger(maxAgeSeconds) || maxAgeSeconds < 0)
    throw new Error('Max-Age must be a whole number of seconds');
  return cookie(value, secure, maxAgeSeconds);
}

/** The Set-Cookie header that signs out: same name, path and flags, so the browser replaces the cookie. */
export function clearSessionCookie(secure: boolean): string {
  return cookie('', secure, 0);
}
