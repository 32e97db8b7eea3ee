/**
 * What a server build's prerendered pages are made from, written into the build as
 * `.next/dubao-build.json` by next.config.ts once the bundles are compiled and before Next.js
 * prerenders anything: the content's version (the same fingerprint the content store publishes,
 * lib/content/version.ts) and SITE_URL (canonical and Open Graph URLs are read from it at render
 * time). The page cache (lib/server/isr-cache.mjs, which reads this file) serves the build's pages
 * only to a server whose content and SITE_URL are these. Taken before any page reads the content, a
 * file changed during the build makes the record older than the pages, never newer, so they are
 * then not served. No path aliases here: next.config.ts imports it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { archiveVersion, contentDir } from '../content/version';

/** The file's name in the build folder; isr-cache.mjs reads the same name. */
export const BUILD_RECORD = 'dubao-build.json';

export interface BuildRecord {
  contentVersion: string;
  siteUrl: string;
}

/** SITE_URL as a server or a build reads it (isr-cache.mjs compares it the same way). */
export function siteUrlSetting(env: Record<string, string | undefined> = process.env): string {
  return env.SITE_URL?.trim() ?? '';
}

export function buildRecord(env: Record<string, string | undefined> = process.env): BuildRecord {
  return { contentVersion: archiveVersion(contentDir(env)), siteUrl: siteUrlSetting(env) };
}

export function writeBuildRecord(
  distDir: string,
  env: Record<string, string | undefined> = process.env,
): BuildRecord {
  const record = buildRecord(env);
  writeFileSync(path.join(distDir, BUILD_RECORD), `${JSON.stringify(record)}\n`);
  return record;
}
