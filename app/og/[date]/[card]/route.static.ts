/**
 * /og/<date>/<id>.png in the static export: the link-preview card of a story, once for every locale
 * (the pages of all three point their og:image here, lib/content/seo.ts), in the default locale's
 * words. The card is flat colour and type, so it is stored as a 16-colour palette PNG (libimagequant
 * through sharp, which Next.js installs): about a quarter of the bytes of next/og's RGBA PNG, the same
 * to the eye. Without sharp the card is written as next/og draws it.
 */
import { articleCard } from '@/app/[locale]/[date]/[page]/[article]/article-card';
import { cardParams } from '@/lib/content/static-params';
import { routing } from '@/i18n/routing';

export const dynamic = 'force-static';
export const generateStaticParams = cardParams;

type Ctx = { params: Promise<{ date: string; card: string }> };

async function compact(png: Buffer): Promise<Buffer> {
  const sharp = await import('sharp').then(
    (m) => m.default,
    () => undefined,
  );
  if (!sharp) return png;
  return sharp(png).png({ palette: true, colours: 16, compressionLevel: 9, effort: 10 }).toBuffer();
}

export async function GET(_req: Request, { params }: Ctx) {
  const { date, card } = await params;
  const id = /^(.+)\.png$/.exec(card)?.[1];
  const image = id ? await articleCard(routing.defaultLocale, date, id) : undefined;
  if (!image) return new Response('not found', { status: 404 });
  const body = await compact(Buffer.from(await image.arrayBuffer()));
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': 'image/png' } });
}
