import { describe, expect, it } from 'vitest';
import { parseArticleId, parseDate, parseMonth, parsePageNumber } from './params';

describe('route parameters', () => {
  it('accepts real dates and rejects the rest', () => {
    expect(parseDate('2025-07-31')).toBe('2025-07-31');
    for (const bad of ['2025-02-30', '2025-7-31', 'latest', '2025-07-31.md', '', '../etc']) {
      expect(parseDate(bad)).toBeNull();
    }
  });
  it('takes page numbers without padding, signs or letters', () => {
    expect(parsePageNumber('1')).toBe(1);
    expect(parsePageNumber('12')).toBe(12);
    for (const bad of ['0', '01', '-1', '1.5', 'a', '1e3', '9999', '']) {
      expect(parsePageNumber(bad)).toBeNull();
    }
  });
  it('takes URL-safe article ids only', () => {
    expect(parseArticleId('a1B2-c_3')).toBe('a1B2-c_3');
    for (const bad of ['', 'a b', '中文', 'x'.repeat(41), '../x', 'a%2F']) {
      expect(parseArticleId(bad)).toBeNull();
    }
  });
  it('parses archive months', () => {
    expect(parseMonth('2025-07')).toEqual({ year: 2025, month: 7 });
    for (const bad of ['2025-13', '2025-7', '2025-00', '0000-01', 'july']) {
      expect(parseMonth(bad)).toBeNull();
    }
  });
});
