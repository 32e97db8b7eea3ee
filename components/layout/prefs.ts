/** Reading preferences kept in cookies, so the server renders the right size and colours at once. */

export const SIZES = ['s', 'm', 'l', 'xl'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Size = (typeof SIZES)[number];
export type Theme = (typeof THEMES)[number];

export const SIZE_COOKIE = 'dubao-size';
export const THEME_COOKIE = 'dubao-theme';
export const DEFAULT_SIZE: Size = 'm';
export const DEFAULT_THEME: Theme = 'auto';
export const PREF_MAX_AGE = 60 * 60 * 24 * 365;

export function toSize(value: unknown): Size {
  return SIZES.find((s) => s === value) ?? DEFAULT_SIZE;
}

export function toTheme(value: unknown): Theme {
  return THEMES.find((t) => t === value) ?? DEFAULT_THEME;
}
