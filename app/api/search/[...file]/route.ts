/**
 * The search index files for the browser, made from the archive this server reads (CONTENT_DIR is read
 * at request time, so a build-time copy could describe other content). Shard URLs carry ?v=<version>.
 */
import { searchFiles } from '@/lib/search/server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ file: string[] }> };

export async function GET(_req: Request, { params }: Ctx) {
  const path = (await params).file.join('/');
  const { manifest, files } = await searchFiles();
  if (path === 'manifest.json') {
    return Response.json(manifest, { headers: { 'Cache-Control': 'no-cache' } });
  }
  const body = files.get(path);
  if (body === undefined) return new Response('not found', { status: 404 });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
