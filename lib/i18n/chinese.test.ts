import { describe, expect, it } from 'vitest';
import { segmentsToTraditional, toSimplified, toTraditional } from './chinese';

describe('toTraditional (phrase-aware, Taiwan characters, words unchanged)', () => {
  it('picks the character by the phrase: 发展 → 發展 but 头发 → 頭髮', () => {
    expect(toTraditional('发展')).toBe('發展');
    expect(toTraditional('头发')).toBe('頭髮');
    expect(toTraditional('理发店里，经济发展很快')).toBe('理髮店裡，經濟發展很快');
  });

  it('resolves other one-to-many characters in context', () => {
    expect(toTraditional('干部')).toBe('幹部');
    expect(toTraditional('干净')).toBe('乾淨');
    expect(toTraditional('皇后')).toBe('皇后');
    expect(toTraditional('后来')).toBe('後來');
    expect(toTraditional('一碗面条')).toBe('一碗麵條');
    expect(toTraditional('表面')).toBe('表面');
  });

  it('keeps words, punctuation, digits and Latin text as published', () => {
    expect(toTraditional('软件和信息')).toBe('軟件和信息');
    expect(toTraditional('“PTA”会议，２０２５年7月31日。')).toBe('“PTA”會議，２０２５年7月31日。');
  });

  it('keeps the length, so offsets found in one script hold in the other', () => {
    const text = '平湖市推进乡村振兴，头发花白的老党员发挥余热。';
    expect(toTraditional(text)).toHaveLength(text.length);
  });
});

describe('toSimplified (queries typed in Traditional)', () => {
  it('reverses the display conversion', () => {
    expect(toSimplified('頭髮')).toBe('头发');
    expect(toSimplified('發展')).toBe('发展');
    expect(toSimplified('著重')).toBe('着重');
    expect(toSimplified('乾隆年間')).toBe('乾隆年间');
    expect(toSimplified('已是简体')).toBe('已是简体');
  });
});

describe('segmentsToTraditional', () => {
  it('converts a phrase split by a mark as one phrase', () => {
    const out = segmentsToTraditional([
      { text: '剪头' },
      { text: '发', mark: true as const },
      { text: '要排队' },
    ]);
    expect(out).toEqual([{ text: '剪頭' }, { text: '髮', mark: true }, { text: '要排隊' }]);
  });
});
