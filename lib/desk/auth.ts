/**
 * The desk's security primitives (lib/desk/security) put together for Next.js: the configuration read
 * once per process, the editor a request's cookie names, and the checks every desk POST goes through
 * in order (origin, size, form, session, CSRF), each refusal with its status and nothing written.
 * No `server-only` here: proxy.ts imports it too (to refuse desk pages without a session), and the
 * proxy is not bundled with the react-server condition that package needs.
 */
import { escapeHtml } from '@/lib/search/snippet';
import {
  BadRequest,
  checkCsrf,
  csrfToken,
  deskConfig,
  parseForm,
  readLimited,
  readSession,
  sameOrigin,
  SESSION_COOKIE,
  sessionKey,
  SignInLimiter,
  TooLarge,
  type DeskConfig,
} from './security';

/** A desk form is a handful of short fields: anything bigger is not one. */
export const MAX_BODY = 16 * 1024;

interface Desk {
  config: DeskConfig;
  key?: Buffer;
  limiter: SignInLimiter;
}

const holder = globalThis as typeof globalThis & { __dubaoDesk?: Desk };

/** The desk's configuration (DUBAO_DESK_TOKEN or DUBAO_DESK_USERS), read once per server process. */
export function desk(): Desk {
  if (!holder.__dubaoDesk) {
    let config = deskConfig();
    let key: Buffer | undefined;
    if (config.enabled) {
      try {
        key = sessionKey(config);
      } catch (err) {
        config = { enabled: false, why: (err as Error).message };
      }
    }
    holder.__dubaoDesk = { config, ...(key ? { key } : {}), limiter: new SignInLimiter() };
  }
  return holder.__dubaoDesk;
}

export interface Editor {
  name: string;
  sid: string;
  csrf: string;
}

/** The editor a cookie header's session names, or null. */
export function editorFrom(cookieValue: string | undefined): Editor | null {
  const { key } = desk();
  if (!key || !cookieValue) return null;
  const s = readSession(key, cookieValue);
  return s ? { name: s.name, sid: s.sid, csrf: csrfToken(key, s.sid) } : null;
}

/** The session cookie's value in a request's Cookie header. */
export function sessionValue(req: Request): string | undefined {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return undefined;
}

/** The request came over HTTPS (directly, or through a proxy that says so): the cookie is then Secure. */
export const isHttps = (req: Request) =>
  new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';

/** The client's address as the server saw it (server.ts sets the header from the socket, over any sent). */
export const clientIp = (req: Request) => req.headers.get('x-dubao-client-ip') ?? 'unknown';

/** A refusal: the status and what to tell the editor. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The checks every desk POST passes before anything else: same origin, a bounded form. */
export async function readDeskForm(req: Request): Promise<URLSearchParams> {
  const headers = { origin: req.headers.get('origin'), host: req.headers.get('host'), secFetchSite: req.headers.get('sec-fetch-site') };
  if (!sameOrigin(headers)) throw new Refused(403, 'refused: the form was not sent from this site');
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) throw new Refused(400, 'refused: a desk form is sent as application/x-www-form-urlencoded');
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_BODY) throw new Refused(413, `refused: the form is larger than ${MAX_BODY} bytes`);
  try {
    return parseForm(await readLimited(req.body, MAX_BODY));
  } catch (err) {
    if (err instanceof TooLarge) throw new Refused(413, `refused: the form is larger than ${MAX_BODY} bytes`);
    if (err instanceof BadRequest) throw new Refused(400, `refused: ${err.message}`);
    throw err;
  }
}

/** A signed-in editor whose form carries the CSRF token of their session. */
export function requireEditor(req: Request, form: URLSearchParams): Editor {
  const { config, key } = desk();
  if (!config.enabled || !key) throw new Refused(403, `refused: the desk is off (${config.enabled ? 'no key' : config.why})`);
  const editor = editorFrom(sessionValue(req));
  if (!editor) throw new Refused(401, 'refused: not signed in, or the session has ended: sign in again at /desk');
  if (!checkCsrf(key, editor.sid, form.get('csrf'))) throw new Refused(403, 'refused: the form’s CSRF token is missing or not this session’s: reload the page');
  return editor;
}

/** A plain page for a refusal or a failed fix: the message, and the way back. */
export function refusalPage(status: number, message: string, back = '/desk', headers: Record<string, string> = {}): Response {
  const esc = escapeHtml;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><title>修版台 · ${status}</title></head><body><main><h1>${status}</h1><p role="alert">${esc(message)}</p><p><a href="${esc(back)}">返回修版台 Back to the desk</a></p></main></body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...DESK_HEADERS, ...headers } });
}

/** Every desk response: never stored by anyone, never indexed. */
export const DESK_HEADERS = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };
