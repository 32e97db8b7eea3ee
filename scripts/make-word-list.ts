/**
 * Regenerates lib/ingest/words.ts, the common two-character words the parser uses to tell a word cut
 * by a column break (技术培|训) from a break between words. Source: jieba's dictionary (MIT), as shipped
 * in the npm package nodejieba:
 *   npm pack nodejieba@3.5.8 && tar xzf nodejieba-3.5.8.tgz
 *   npx tsx scripts/make-word-list.ts package/submodules/cppjieba/dict/jieba.dict.utf8
 */
import { readFileSync, writeFileSync } from 'node:fs';

const TOP = 20000;
const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/make-word-list.ts <jieba.dict.utf8>');
  process.exit(2);
}
const words = readFileSync(file, 'utf8')
  .split('\n')
  .map((l) => l.split(' '))
  .filter(([w, f]) => w && f && /^\p{Script=Han}{2}$/u.test(w))
  .map(([w, f]) => ({ w: w!, f: Number(f) }))
  .sort((a, b) => b.f - a.f || (a.w < b.w ? -1 : 1))
  .slice(0, TOP)
  .map((x) => x.w)
  .sort();
writeFileSync(
  'lib/ingest/words.ts',
  `/**
 * The ${TOP} most frequent two-character words of jieba's dictionary (MIT licence, github.com/fxsjy/jieba),
 * written by scripts/make-word-list.ts. Used only to judge where a cut sentence continues.
 */
export const COMMON_WORDS = '${words.join('')}';
`,
);
console.log(`wrote ${words.length} words`);
