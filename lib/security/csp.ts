/**
 * The Content-Security-Policy of every HTML response. Next.js puts inline scripts in each page (the
 * RSC payload, self.__next_f.push), so scripts are allowed by a per-request nonce that the proxy
 * makes and Next.js copies onto its own script tags; anything else (a <script> or onerror smuggled in
 * through content or a query) does not run. 'strict-dynamic' lets those scripts load the chunks they
 * import. Development needs eval (React's debug stacks) and inline styles (hot reload); production
 * allows neither.
 */

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
