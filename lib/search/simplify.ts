/**
 * Queries typed in Traditional (頭髮, 地鐵) meet the index of the published, Simplified text the way
 * the server's results page has them meet it (lib/i18n/search.ts queryForIndex): through OpenCC's
 * Traditional → Simplified conversion. For the browser: the converter (opencc-js/t2cn, about 52 KB
 * gzip) is loaded on the first query holding a Han character, alongside the search code.
 */
type Convert = (text: string) => string;

let converter: Promise<Convert> | undefined;

export async function simplifyQuery(query: string): Promise<string> {
  if (!/\p{Script=Han}/u.test(query)) return query;
  converter ??= import('opencc-js/t2cn').then((m) => m.Converter({ from: 'tw', to: 'cn' }));
  return (await converter)(query);
}
