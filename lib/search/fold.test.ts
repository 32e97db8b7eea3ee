import { describe, expect, it } from 'vitest';
import { fold, foldWithMap } from './fold';
import { oneLine } from './snippet';

/** The plain definition: every code point folded on its own, each unit of the result mapped back. */
function reference(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const unit = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const part = fold(text.slice(i, i + unit));
    folded += part;
    for (let k = 0; k < part.length; k++) origin.push(i);
    i += unit;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Where folded unit i came from, whether or not foldWithMap made a map. */
function origins(text: string): number[] {
  const { folded, origin } = foldWithMap(text);
  return origin ?? Array.from({ length: folded.length + 1 }, (_, i) => i);
}

describe('foldWithMap', () => {
  it('folds every BMP character as fold() does on its own, and maps it back', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const want = fold(ch);
      const text = `甲${ch}乙`;
      const got = foldWithMap(text);
      const map = [0, ...Array.from({ length: want.length }, () => 1), 2, 3];
      if (got.folded !== `甲${want}乙` || origins(text).join() !== map.join()) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('maps back across characters that grow, shrink or need two units', () => {
    for (const text of ['ＰＴＡ价格，１７５．３亿元', 'ﬁ㍿ｘ', '𝐀𠀀Ａ', 'İ ß', 'e\u0301', '同比增长\ud800']) {
      const want = reference(text);
      expect(foldWithMap(text).folded).toBe(want.folded);
      expect(origins(text)).toEqual(want.origin);
    }
    expect(foldWithMap('ＰＴＡ价格').origin).toBeUndefined();
    expect(foldWithMap('㍿价格').origin).toEqual([0, 0, 0, 0, 1, 2, 3]);
  });
});

describe('oneLine', () => {
  it('turns each run of white space holding a line break into one space', () => {
    for (const text of [
      '甲 \n 乙',
      '\n\n甲\n',
      '甲 \u3000\n\u3000 乙\n丙',
      '甲乙',
      ' \n ',
      '甲\r\n乙',
      '甲  乙\n',
    ]) {
      expect(oneLine(text)).toBe(text.replace(/\s*\n\s*/g, ' '));
    }
  });
});
