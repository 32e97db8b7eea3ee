/** /feed.xml: the default locale's feed (feed readers often try this address first). */
export function GET(request: Request) {
  return Response.redirect(new URL('/zh/feed.xml', request.url), 308);
}
