/** Types for isr-cache.mjs (plain JavaScript, because Next.js imports it at run time). */
export function contentVersion(): string;
export function publishContentVersion(version: string): void;
export function entrySize(key: string, value: unknown): number;
export const BUILD_RECORD: string;
export const PRERENDERED_HEADER: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Next.js's cache values, opaque here
type Hit = { value: any; lastModified: number };
export default class ContentCache {
  /** Next.js passes its context, serverDistDir among it. */
  constructor(options?: { maxBytes?: number; serverDistDir?: string });
  maxBytes: number;
  get(key: string, ctx?: { kind?: string; isFallback?: boolean }): Promise<Hit | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
  static stats(): { entries: number; bytes: number };
  static clear(): void;
}
