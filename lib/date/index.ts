/**
 * Dates the way Chinese papers print them: 2025年7月31日 星期四, 农历乙巳年闰六月初七.
 * Issue dates are calendar dates (YYYY-MM-DD) with no time zone; all arithmetic runs in UTC
 * so the server's zone can never shift a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2025-02-30, 2025-7-1, 0000-…). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1800 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function toUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return toUtcDate(iso).getUTCDay();
}

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** 2025年7月31日 星期四 (zh) or Thursday, July 31, 2025 (en). */
export function formatDateLine(iso: string, locale: string): string {
  const date = toUtcDate(iso);
  if (locale.startsWith('zh')) {
    return `${formatDateShort(iso, locale)} 星期${WEEKDAYS_ZH[date.getUTCDay()]}`;
  }
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** 2025年7月31日 (zh) or 31 July 2025 (en). */
export function formatDateShort(iso: string, locale: string): string {
  const date = toUtcDate(iso);
  if (locale.startsWith('zh')) {
    return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  }
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** 2025年7月 (zh) or July 2025 (en). */
export function formatMonth(year: number, month: number, locale: string): string {
  if (locale.startsWith('zh')) return `${year}年${month}月`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** The printed form of a lunar day: 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十. */
export function lunarDayName(day: number): string {
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`lunar day out of range: ${day}`);
  if (day <= 10) return `初${DIGITS[day]}`;
  if (day < 20) return `十${DIGITS[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${DIGITS[day - 20]}`;
  return '三十';
}

const lunarFormat = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** 农历乙巳年闰六月初七: ICU gives the year name and (leap) month; the day needs the printed form. */
export function formatLunarDate(iso: string): string {
  const parts = lunarFormat.formatToParts(toUtcDate(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const yearName = part('yearName');
  const month = part('month');
  const day = Number(part('day'));
  if (!yearName || !month || !Number.isFinite(day)) return '';
  return `农历${yearName}年${month}${lunarDayName(day)}`;
}

/** Shift a YYYY-MM month by n months. */
export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const idx = year * 12 + (month - 1) + n;
  return { year: Math.floor(idx / 12), month: (idx % 12) + 1 };
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
