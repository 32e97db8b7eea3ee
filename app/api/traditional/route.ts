/**
 * Search results in Traditional script, for the as-you-type suggestions on the zh-Hant locale. The
 * browser searches its copy of the index (published Simplified text) and posts the hits here: the
 * headlines and snippets come back converted, and the terms as the Traditional forms the matches take
 * in each article's converted text, so the article page marks them (?hl=). The same conversion as
 * the server's results page (lib/i18n/search.ts). The static export has no server: there the
 * suggestions stay as published.
 */
import { z } from 'zod';
import { traditionalResult } from '@/lib/i18n/search';

export const dynamic = 'force-dynamic';

const segment = z.object({ text: z.string().max(2000), mark: z.literal(true).optional() });
const body = z.object({
  terms: z.array(z.string().min(1).max(100)).max(20),
  hits: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        page: z.number().int().min(1).max(999),
        headline: z.array(segment).max(100),
        snippet: z.array(segment).max(100),
      }),
    )
    .max(20),
});

/** Eight suggestions post about 1.6 KB; the bound keeps a hostile body from being parsed at all. */
const MAX_BODY = 64 * 1024;

export async function POST(request: Request) {
  const tooBig = Response.json({ error: `body: over ${MAX_BODY} bytes` }, { status: 413 });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY) return tooBig;
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY) return tooBig;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return Response.json({ error: 'body: not JSON' }, { status: 400 });
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return Response.json({ error: `${issue.path.join('.') || 'body'}: ${issue.message}` }, { status: 400 });
  }
  const { hits, terms } = parsed.data;
  const result = traditionalResult({ hits, terms, total: hits.length, exact: true });
  return Response.json(
    { hits: result.hits, terms: result.terms },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
