/**
 * Route parameters, checked before anything touches the data layer: a malformed segment is a
 * 404, never an exception. Canonical forms: date 2025-07-31, page 1 (no zero padding), article id
 * as the parser makes it (short, URL-safe), month 2025-07.
 */
import { z } from 'zod';
import { isIsoDate } from '@/lib/date';

export const dateParam = z.string().refine(isIsoDate);
export const pageParam = z
  .string()
  .regex(/^[1-9]\d{0,2}$/)
  .transform(Number);
export const articleIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .transform((s) => ({ year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)) }))
  .refine(({ year }) => year >= 1800 && year <= 9999);

export function parseDate(value: string): string | null {
  const r = dateParam.safeParse(value);
  return r.success ? r.data : null;
}

export function parsePageNumber(value: string): number | null {
  const r = pageParam.safeParse(value);
  return r.success ? r.data : null;
}

export function parseArticleId(value: string): string | null {
  const r = articleIdParam.safeParse(value);
  return r.success ? r.data : null;
}

export function parseMonth(value: string): { year: number; month: number } | null {
  const r = monthParam.safeParse(value);
  return r.success ? r.data : null;
}
