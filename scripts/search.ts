/** CLI: npm run -s search -- "<query>" [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]; prints JSON. */
import { parseArgs } from 'node:util';
import { indexContentDir } from '@/lib/search/archive';
import { search } from '@/lib/search/search';
import { segmentsToHtml } from '@/lib/search/snippet';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' } },
});
const query = positionals.join(' ').trim();
if (!query) {
  console.error('usage: npm run -s search -- "<query>" [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]');
  process.exit(2);
}
const limit = values.limit === undefined ? 50 : Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) {
  console.error(`--limit: expected a positive whole number, got ${values.limit}`);
  process.exit(2);
}
for (const [name, v] of [
  ['--from', values.from],
  ['--to', values.to],
] as const) {
  if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    console.error(`${name}: expected a date YYYY-MM-DD, got ${v}`);
    process.exit(2);
  }
}
const result = search(indexContentDir(), query, { from: values.from, to: values.to, limit });
const rows = result.hits.map((h) => ({
  id: h.id,
  headline: h.headline.map((s) => s.text).join(''),
  date: h.date,
  page: h.page,
  snippet: segmentsToHtml(h.snippet),
}));
console.log(JSON.stringify(rows, null, 2));
