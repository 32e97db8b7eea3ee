import { describe, expect, it } from 'vitest';
import { encodeTerm, passageDirective, passageUrl } from './text-fragment';

const para = '平湖市发展经济，头发花白的理发师在后面排队。';
const dec = (d: string | null) => d && decodeURIComponent(d.replace(/^text=/, ''));

describe('passageDirective', () => {
  it('sends a short selection whole', () => {
    const at = para.indexOf('头发');
    const d = passageDirective({
      startText: para,
      startOffset: at,
      endText: para,
      endOffset: at + 4,
      sameBlock: true,
    });
    expect(dec(d)).toBe('头发花白');
  });

  it('widens a selection that cuts words to whole words (browsers match on word boundaries)', () => {
    // "展经" starts inside 发展 and ends inside 经济.
    const at = para.indexOf('展');
    const d = passageDirective({
      startText: para,
      startOffset: at,
      endText: para,
      endOffset: at + 2,
      sameBlock: true,
    });
    expect(dec(d)).toBe('发展经济');
  });

  it('sends start and end of a selection across paragraphs', () => {
    const end = '这是第二段，讲的是乡村振兴的新做法。';
    const d = passageDirective({
      startText: para,
      startOffset: 0,
      endText: end,
      endOffset: end.length,
      sameBlock: false,
    });
    const [start, last] = (d ?? '')
      .replace(/^text=/, '')
      .split(',')
      .map(decodeURIComponent);
    expect(para.startsWith(start!)).toBe(true);
    expect(end.endsWith(last!)).toBe(true);
    expect(start!.length).toBeGreaterThanOrEqual(12);
  });

  it('returns null for a blank selection', () => {
    expect(
      passageDirective({ startText: '  ', startOffset: 0, endText: '  ', endOffset: 2, sameBlock: true }),
    ).toBeNull();
  });
});

describe('encodeTerm and passageUrl', () => {
  it('escapes the characters the directive uses', () => {
    expect(encodeTerm('a-b,c&d')).toBe('a%2Db%2Cc%26d');
  });

  it('replaces any hash of the article URL', () => {
    expect(passageUrl('https://x.example/zh/1#part-2', 'text=%E5%8F%91')).toBe(
      'https://x.example/zh/1#:~:text=%E5%8F%91',
    );
  });
});
