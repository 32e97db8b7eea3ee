import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatDateLine,
  formatLunarDate,
  formatMonth,
  isIsoDate,
  lunarDayName,
  weekday,
} from './index';

describe('the printed date line', () => {
  it('writes the seed date the way the paper does', () => {
    expect(formatDateLine('2025-07-31', 'zh')).toBe('2025年7月31日 星期四');
  });
  it('names Sunday 星期日 and keeps single-digit months unpadded', () => {
    expect(formatDateLine('2025-08-03', 'zh')).toBe('2025年8月3日 星期日');
  });
  it('has an English form', () => {
    expect(formatDateLine('2025-07-31', 'en')).toBe('Thursday, 31 July 2025');
    expect(formatMonth(2025, 7, 'en')).toBe('July 2025');
    expect(formatMonth(2025, 7, 'zh')).toBe('2025年7月');
  });
});

describe('the lunar date', () => {
  it('gives the leap month and the printed day for the seed date', () => {
    expect(formatLunarDate('2025-07-31')).toBe('农历乙巳年闰六月初七');
  });
  it('handles new year, the teens, twenty and 廿', () => {
    expect(formatLunarDate('2025-01-29')).toBe('农历乙巳年正月初一');
    expect(formatLunarDate('2025-02-08')).toBe('农历乙巳年正月十一');
    expect(formatLunarDate('2025-02-17')).toBe('农历乙巳年正月二十');
    expect(formatLunarDate('2025-02-18')).toBe('农历乙巳年正月廿一');
    // The day before 2024's new year is 腊月/十二月 三十 of 癸卯.
    expect(formatLunarDate('2024-02-09')).toMatch(/^农历癸卯年(十二月|腊月)三十$/);
  });
  it('names every day 1–30 in print form', () => {
    expect(lunarDayName(1)).toBe('初一');
    expect(lunarDayName(10)).toBe('初十');
    expect(lunarDayName(15)).toBe('十五');
    expect(lunarDayName(29)).toBe('廿九');
    expect(lunarDayName(30)).toBe('三十');
    expect(() => lunarDayName(31)).toThrow(RangeError);
  });
});

describe('date validation and arithmetic', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2025-07-31')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-7-31')).toBe(false);
    expect(isIsoDate('20250731')).toBe(false);
    expect(isIsoDate('2025-07-31x')).toBe(false);
  });
  it('knows weekdays and shifts months across years', () => {
    expect(weekday('2025-07-31')).toBe(4);
    expect(addMonths(2025, 12, 1)).toEqual({ year: 2026, month: 1 });
    expect(addMonths(2025, 1, -1)).toEqual({ year: 2024, month: 12 });
  });
});
