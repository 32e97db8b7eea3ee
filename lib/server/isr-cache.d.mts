/** Types for isr-cache.mjs (plain JavaScript, because Next.js imports it at run time). */
export function contentVersion(): string;
export function publishContentVersion(version: string): void;
export function entrySize(key: string, value: unknown): number;
export default class ContentCache {
  constructor(options?: { maxBytes?: number });
  maxBytes: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Next.js's cache values, opaque here
  get(key: string): Promise<{ value: any; lastModified: number } | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
  static stats(): { entries: number; bytes: number };
  static clear(): void;
}
