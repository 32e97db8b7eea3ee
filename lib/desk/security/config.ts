/**
 * Who may sign in to the desk (/desk), the editors' repair desk: anyone holding one shared token
 * (DUBAO_DESK_TOKEN), or the editors listed with their own passwords in a file (DUBAO_DESK_USERS).
 * The desk is off unless the operator sets one of them up. There is no default secret, so a fresh
 * checkout or a forgotten variable leaves the desk closed, never open with a well-known password.
 * A setting that is there but wrong (a short token, a bad line in the file) also closes it, with a
 * message saying what to fix, rather than guessing what was meant.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const MIN_TOKEN_LENGTH = 16;
export const MIN_SECRET_LENGTH = 32;
/** Asked of new passwords by scripts/desk-user.ts; sign-in checks only the hash. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer input is refused before any hashing: nobody types this much, and scrypt would still run on it. */
const MAX_PASSWORD_LENGTH = 1024;

/** How to turn the desk on, the tail of every "desk is off" message. */
const HOW =
  'To turn the desk on, set DUBAO_DESK_TOKEN to a secret of at least 16 characters, or DUBAO_DESK_USERS ' +
  'to a file of name:hash lines made with `npm run desk:user -- NAME`.';

export type ReadFile = (file: string, encoding: 'utf8') => string;

/** An scrypt password hash as stored in the editors file: `scrypt$N$r$p$saltB64$hashB64`. */
export interface PasswordHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export type DeskConfig =
  | { enabled: false; why: string }
  | { enabled: true; mode: 'token'; token: string }
  | {
      enabled: true;
      mode: 'users';
      file: string;
      users: ReadonlyMap<string, PasswordHash>;
      /** Checked against when the name is unknown, so a wrong name costs as long as a wrong password. */
      dummy: PasswordHash;
    };

// Letters and digits (ASCII), Chinese characters, and ._- after the first: the name is shown as who
// made a fix and may end up in a log or a file, so no spaces, quotes, slashes or look-alike letters.
const NAME = /^[A-Za-z0-9\p{Script=Han}][A-Za-z0-9\p{Script=Han}._-]{0,39}$/u;

/** The editor's name in its one canonical form (trimmed, NFC), or null when it is not a valid name. */
export function editorName(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 200) return null;
  const name = raw.trim().normalize('NFC');
  return NAME.test(name) ? name : null;
}

/** New hashes: OWASP's scrypt setting N=2^15, r=8, p=3 (32 MiB, about as slow as N=2^17 with p=1). */
const NEW_HASH = { N: 2 ** 15, r: 8, p: 3, saltBytes: 16, hashBytes: 32 };
/** A hash from the file may cost at most this much memory, so a typo cannot exhaust the server. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

function decodeBase64(text: string): Buffer | undefined {
  if (!B64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // Only the canonical spelling: one hash, one way to write it.
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** A stored hash, or the reason it is not one. */
export function parsePasswordHash(text: string): PasswordHash | string {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return 'expected scrypt$N$r$p$salt$hash';
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^[1-9]\d{0,9}$/.test(s!) ? Number(s) : NaN)) as [
    number,
    number,
    number,
  ];
  if (!(N >= 2 ** 14 && N <= 2 ** 20 && (N & (N - 1)) === 0))
    return 'N must be a power of two from 16384 to 1048576';
  if (!(r >= 1 && r <= 32)) return 'r must be 1 to 32';
  if (!(p >= 1 && p <= 16)) return 'p must be 1 to 16';
  if (128 * N * r > MAX_SCRYPT_MEMORY) return 'N × r needs more than 256 MiB';
  const salt = decodeBase64(parts[4]!);
  if (!salt || salt.length < 16) return 'the salt must be base64 of at least 16 bytes';
  const hash = decodeBase64(parts[5]!);
  if (!hash || hash.length < 16 || hash.length > 64) return 'the hash must be base64 of 16 to 64 bytes';
  return { N, r, p, salt, hash };
}

export function formatPasswordHash(h: PasswordHash): string {
  return `scrypt$${h.N}$${h.r}$${h.p}$${h.salt.toString('base64')}$${h.hash.toString('base64')}`;
}

/** scrypt off the event loop (libuv's pool): a sign-in must not stall the readers' pages. */
function derive(password: string, h: Omit<PasswordHash, 'hash'>, length: number): Promise<Buffer> {
  // OpenSSL needs 128·r·(N + p + 2) bytes; Node's default cap (32 MiB) is just short of N=2^15, r=8.
  const maxmem = 128 * h.r * (h.N + h.p + 2) + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), h.salt, length, { N: h.N, r: h.r, p: h.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** The editors-file form of a password's hash, with a fresh salt (scripts/desk-user.ts). */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, saltBytes, hashBytes } = NEW_HASH;
  const salt = randomBytes(saltBytes);
  return formatPasswordHash({ N, r, p, salt, hash: await derive(password, { N, r, p, salt }, hashBytes) });
}

/** Parses the editors file: `name:hash` lines, `#` comments and blank lines; the first error is returned. */
export function parseUsersFile(text: string, file: string): Map<string, PasswordHash> | string {
  const users = new Map<string, PasswordHash>();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = `${file}:${i + 1}`;
    const colon = line.indexOf(':');
    if (colon < 0) return `${at}: expected name:hash (made with \`npm run desk:user -- NAME\`)`;
    const name = editorName(line.slice(0, colon));
    if (name === null || name !== line.slice(0, colon))
      return `${at}: not a valid editor name (1–40 letters, digits, Chinese characters or ._-)`;
    if (users.has(name)) return `${at}: ${name} is listed twice`;
    const hash = parsePasswordHash(line.slice(colon + 1));
    if (typeof hash === 'string') return `${at}: not a password hash: ${hash}`;
    users.set(name, hash);
  }
  return users;
}

const off = (why: string): DeskConfig => ({ enabled: false, why });

/**
 * The desk's sign-in setting from the environment. Exactly one of DUBAO_DESK_TOKEN and
 * DUBAO_DESK_USERS: both at once is refused, since an operator who wrote a users file would not
 * expect an old shared token to keep working beside it. DUBAO_DESK_SECRET, the optional signing
 * secret of sessions (session.ts), is checked here too, so a short one closes the desk at start.
 */
export function deskConfig(
  env: Record<string, string | undefined> = process.env,
  readFile: ReadFile = readFileSync,
): DeskConfig {
  const token = env.DUBAO_DESK_TOKEN?.trim() ?? '';
  const file = env.DUBAO_DESK_USERS?.trim() ?? '';
  const secret = env.DUBAO_DESK_SECRET?.trim() ?? '';
  if (!token && !file) return off(`The desk is off. ${HOW}`);
  if (token && file) return off('The desk is off: set DUBAO_DESK_TOKEN or DUBAO_DESK_USERS, not both.');
  if (secret && secret.length < MIN_SECRET_LENGTH)
    return off(
      `The desk is off: DUBAO_DESK_SECRET must be at least ${MIN_SECRET_LENGTH} characters (or unset).`,
    );
  if (token) {
    if (token.length < MIN_TOKEN_LENGTH)
      return off(
        `The desk is off: DUBAO_DESK_TOKEN is ${token.length} characters, shorter than the ${MIN_TOKEN_LENGTH} it needs. ${HOW}`,
      );
    return { enabled: true, mode: 'token', token };
  }
  let text: string;
  try {
    text = readFile(/*turbopackIgnore: true*/ file, 'utf8');
  } catch (err) {
    return off(`The desk is off: cannot read DUBAO_DESK_USERS ${file} (${(err as Error).message}). ${HOW}`);
  }
  const users = parseUsersFile(text, file);
  if (typeof users === 'string') return off(`The desk is off: ${users}`);
  const first = users.values().next().value;
  if (!first)
    return off(`The desk is off: ${file} lists no editors; add one with \`npm run desk:user -- NAME\`.`);
  const dummy = { ...first, salt: randomBytes(first.salt.length), hash: randomBytes(first.hash.length) };
  return { enabled: true, mode: 'users', file, users, dummy };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * The signed-in editor's name, or null. With the token, the name is the editor's own (to record who
 * made a fix) and the token is compared through sha256, so neither its content nor its length shows
 * in the time taken. With the users file, the password is checked by scrypt; an unknown name is
 * checked against a dummy hash, so it takes as long as a wrong password and does not tell which.
 */
export async function verifyCredentials(
  config: DeskConfig,
  name: unknown,
  password: unknown,
): Promise<string | null> {
  if (!config.enabled || typeof password !== 'string' || password.length > MAX_PASSWORD_LENGTH) return null;
  const editor = editorName(name);
  if (config.mode === 'token') {
    const ok = timingSafeEqual(sha256(password), sha256(config.token));
    return ok && editor !== null ? editor : null;
  }
  const user = editor === null ? undefined : config.users.get(editor);
  const target = user ?? config.dummy;
  let derived: Buffer;
  try {
    derived = await derive(password, target, target.hash.length);
  } catch {
    return null;
  }
  const ok = timingSafeEqual(derived, target.hash);
  return ok && user !== undefined ? editor : null;
}
