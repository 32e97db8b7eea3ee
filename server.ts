/**
 * The production server (`npm start`): Next.js behind a thin layer that finishes each HTML page.
 *
 * Pages are rendered once and cached (lib/server/isr-cache.mjs), and are the same for every reader
 * (their preferences are applied in the browser by /prefs.js), so a shared HTTP cache in front may
 * keep them: they leave `public` with `s-maxage` and an ETag, varying on no cookie. What is added
 * here (lib/server/html.ts) is a Content-Security-Policy that allows exactly the page's own inline
 * scripts by their hashes. A nonce would force every request to be rendered again. Responses are compressed
 * here too (Next.js's own compression is off: it would compress before this layer sees the HTML).
 * A finished page is kept a few seconds and sent again as is (lib/server/page-cache.ts): under load
 * most readers never reach Next.js.
 *
 *   node .next/dubao-server.mjs [-p PORT] [-H HOST]   (npm start; bundled from this file by npm run build;
 *                                                      defaults: $PORT or 3000, every interface)
 *
 * After it listens, the latest issue is rendered in the background (DUBAO_WARM=0 turns that off),
 * so the morning's first readers get cached pages. When the build prerendered it and the content is
 * still the build's, its pages come from the build output instead (lib/server/isr-cache.mjs), and
 * this only loads them into memory; it matters once the content has changed since the build.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import compression from 'compression';
import next from 'next';
import { cacheControlFor, finishPage } from './lib/server/html';
import { contentVersion } from './lib/server/isr-cache.mjs';
import { PageCache, pageKey, type FinishedResponse } from './lib/server/page-cache';

const USAGE = 'usage: node .next/dubao-server.mjs [-p PORT] [-H HOST]';
const args = (() => {
  try {
    return parseArgs({
      options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
    }).values;
  } catch (err) {
    console.error(`server: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const port = Number(args.port ?? process.env.PORT ?? 3000);
// Every interface unless -H names one (like `next start`).
const hostname = args.hostname;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`server: --port ${args.port ?? process.env.PORT} is not a port number\n${USAGE}`);
  process.exit(2);
}

// No hostname for Next.js itself: it would then take rewrites to its own pages (which name
// localhost) for another origin and proxy them, answering the 404 page with a 500.
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
const compress = compression();
const refused = new Set<string>();

// Exit cleanly (Node writes --cpu-prof profiles and coverage only on a normal exit).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));

const ttl = Number(process.env.DUBAO_PAGE_CACHE_MS ?? 5_000);
const pages = new PageCache(Number.isFinite(ttl) ? ttl : 5_000, 64 * 1024 * 1024);

void app.prepare().then(() =>
  createServer((req, res) => {
    // The desk's sign-in limit counts per client address: the socket's, never a header a client sent.
    req.headers['x-dubao-client-ip'] = req.socket.remoteAddress ?? 'unknown';
    compress(req as never, res as never, () => {
      const key = pageKey(req, '');
      const cached = key ? pages.get(key, contentVersion()) : undefined;
      if (cached) return send(req, res, cached, res.writeHead.bind(res), res.end.bind(res));
      finishHtml(req, res, (page) => {
        if (key) pages.set(key, page, contentVersion());
      });
      void handle(req, res);
    });
  })
    .listen(port, hostname, () => {
      const origin = `http://${hostname ?? 'localhost'}:${port}`;
      console.log(`dubao: ${origin}`);
      if (process.env.DUBAO_WARM !== '0') void warm(origin);
    })
    .on('error', (err) => {
      console.error(`server: ${err.message}`);
      process.exit(1);
    }),
);

/** Headers of Next.js's response that belong to the connection or the body, not to the page. */
const HOP = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * Holds back an HTML response until Next.js has written all of it, then finishes it: its policy,
 * an ETag, and how long caches may keep it (the same HTML for every reader: shared caches may).
 * Anything that is not HTML passes straight through.
 */
function finishHtml(
  req: IncomingMessage,
  res: ServerResponse,
  onFinished: (page: FinishedResponse) => void,
): void {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const flushHeaders = res.flushHeaders.bind(res);
  const writeHead = res.writeHead.bind(res);
  const chunks: Buffer[] = [];
  let mode: 'undecided' | 'html' | 'pass' = 'undecided';

  const decide = () => {
    if (mode !== 'undecided') return mode;
    mode = /^text\/html\b/i.test(String(res.getHeader('content-type') ?? '')) ? 'html' : 'pass';
    if (mode === 'pass') Object.assign(res, { write, end, flushHeaders, writeHead });
    return mode;
  };
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk == null || typeof chunk === 'function') return;
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
  };

  // Headers given to writeHead are kept on the response so they can still change before the body goes.
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((a) => a && typeof a === 'object');
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1]);
    } else if (headers) {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v as string);
    }
    return res;
  }) as typeof res.writeHead;
  res.flushHeaders = () => {
    if (decide() === 'pass') flushHeaders();
  };
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    if (decide() === 'pass') return write(chunk as never, encoding as never, cb as never);
    collect(chunk, encoding);
    [encoding, cb].find((a): a is () => void => typeof a === 'function')?.();
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    if (decide() === 'pass') return end(chunk as never, encoding as never);
    collect(chunk, encoding);
    const html = Buffer.concat(chunks).toString('utf8');
    const finished = finishPage(html, (body) => {
      const key = body.slice(0, 60);
      if (refused.has(key)) return;
      refused.add(key);
      console.warn(`server: ${req.url}: an inline script without a hash (it will not run): ${key}`);
    });
    const body = Buffer.from(finished.html, 'utf8');
    const headers: FinishedResponse['headers'] = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value !== undefined && !HOP.has(name)) headers[name] = value;
    }
    // No Vary on Cookie: the page is the same whatever the reader's cookies say.
    const vary = new Set(
      [String(headers.vary ?? ''), 'Accept-Encoding']
        .flatMap((v) => v.split(','))
        .map((v) => v.trim()),
    );
    vary.delete('');
    Object.assign(headers, {
      'content-security-policy': finished.policy,
      'cache-control': cacheControlFor(req.url, res.statusCode),
      vary: [...vary].join(', '),
    });
    for (const name of Object.keys(res.getHeaders())) res.removeHeader(name);
    const page = {
      status: res.statusCode,
      headers,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    };
    // A HEAD request's body is empty: nothing to keep.
    if (req.method !== 'HEAD') onFinished(page);
    return send(req, res, page, writeHead, end);
  }) as typeof res.end;
}

/** Sends a finished page (304 when the browser already has this version). */
function send(
  req: IncomingMessage,
  res: ServerResponse,
  page: FinishedResponse,
  writeHead: ServerResponse['writeHead'],
  end: ServerResponse['end'],
): ServerResponse {
  const fresh = page.status === 200 && req.headers['if-none-match'] === page.etag;
  const headers = { ...page.headers, etag: page.etag };
  if (fresh || req.method === 'HEAD') {
    writeHead(fresh ? 304 : page.status, headers);
    return end();
  }
  writeHead(page.status, { ...headers, 'content-length': page.body.length });
  return end(page.body);
}

/** Renders the newest issue into the cache: the home pages, then every page and article linked from zh's. */
async function warm(origin: string): Promise<void> {
  const started = performance.now();
  const get = async (path: string) => {
    const response = await fetch(origin + path, { redirect: 'manual' });
    return response.ok ? response.text() : '';
  };
  try {
    const home = await get('/zh');
    await get('/zh-Hant');
    await get('/en');
    const date = /href="\/zh\/(\d{4}-\d{2}-\d{2})\//.exec(home)?.[1];
    if (!date) return;
    const links = (html: string, depth: number) =>
      [...html.matchAll(new RegExp(`href="(/zh/${date}/\\d+${depth === 2 ? '/[\\w-]+' : ''})"`, 'g'))].map(
        (m) => m[1]!,
      );
    const pages = [...new Set(links(home, 1))];
    const articles = new Set<string>();
    for (const page of pages) for (const a of links(await get(page), 2)) articles.add(a);
    for (const article of articles) await get(article);
    const ms = Math.round(performance.now() - started);
    console.log(
      `dubao: the issue of ${date} is rendered (${pages.length} pages, ${articles.size} articles, ${ms} ms)`,
    );
  } catch (err) {
    console.warn(`server: warming the cache failed: ${(err as Error).message}`);
  }
}
