import { describe, expect, it } from 'vitest';
import { generateCorpus } from './bench/corpus';
import { buildIndex, docText } from './build';
import { mergeIssuesYielding, slicer } from './issue-index';
import { postingMap } from './engine';
import { search } from './search';

describe('building the index in slices', () => {
  const corpus = generateCorpus({ articles: 600, seed: 5 });

  it('gives the same index as building it at once', async () => {
    const atOnce = buildIndex(corpus);
    const merged = await mergeIssuesYielding(corpus, undefined, slicer(0));
    const sliced = { ...merged, texts: merged.docs.map(docText) };
    expect(sliced.docs).toEqual(atOnce.docs);
    expect([...postingMap(sliced.index)]).toStrictEqual([...postingMap(atOnce.index)]);
    expect(sliced.texts).toEqual(atOnce.texts);
    expect(sliced.dates).toEqual(atOnce.dates);
    const queries = [...new Set(corpus.slice(0, 40).map((d) => d.headline.slice(0, 3)))].concat([
      '的',
      '经济 发展',
    ]);
    for (const q of queries)
      expect(search(sliced, q, { limit: 50 }), q).toEqual(search(atOnce, q, { limit: 50 }));
  });

  it('lets other work run between slices', async () => {
    let ranBetween = false;
    const building = mergeIssuesYielding(corpus, undefined, slicer(0)).then(() => ranBetween);
    setImmediate(() => (ranBetween = true));
    expect(await building).toBe(true);
  });
});
