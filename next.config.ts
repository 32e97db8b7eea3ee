/**
 * Next.js configuration: next-intl plugin (reads i18n/request.ts), the page cache and the hardening
 * headers every response carries. The build prerenders the newest issues, other pages render on
 * their first request, and all are then served from lib/server/isr-cache.mjs until the content
 * changes; the production server (server.ts) adds what differs per response: the
 * Content-Security-Policy (hashes of the page's own scripts), the reader's preferences,
 * Cache-Control for pages and compression. Hashed /_next/static assets keep Next.js's
 * own Cache-Control (immutable for a year).
 */
import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { ingestSourceHash } from './lib/content/parser-version';
import { writeBuildRecord } from './lib/server/build-record';
import { searchSourceHash } from './lib/search/index-version';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/**
 * DUBAO_STATIC=1 (npm run build:static): the whole site as files in out/ for any CDN or object store.
 * Nothing of ours runs per request there, so the server-only parts drop out: plain `.ts` files are
 * not routes in this build (proxy.ts, the /api handlers, the request-time feeds and sitemaps), and
 * `*.static.ts(x)` files, ignored by the server build, stand in for them with build-time versions.
 * Pages read DUBAO_STATIC (inlined below) where they must differ. scripts/build-static.ts runs
 * this build in a folder of its own and merges the export into out/ (only the issues that changed).
 */
const STATIC = process.env.DUBAO_STATIC === '1';
const staticExport: NextConfig = {
  output: 'export',
  pageExtensions: ['static.tsx', 'static.ts', 'tsx'],
  // scripts/build-static.ts compiles in a project folder of its own (a copy of the sources), so this
  // build never replaces the server build's .next: with output 'export' a custom distDir would only
  // move the export, Next.js 16 still compiles into .next. Its node_modules links back here, so the
  // bundler's root must hold both.
  ...(process.env.DUBAO_STATIC_ROOT ? { turbopack: { root: process.env.DUBAO_STATIC_ROOT } } : {}),
  // The same id for every build of the same code (the script's fingerprint of the sources), so an
  // incremental export writes pages byte for byte like those of the export it adds to.
  generateBuildId: async () => process.env.DUBAO_STATIC_BUILD_ID || null,
  // An incremental export only runs on code a full export (which checked the types) already built.
  typescript: { ignoreBuildErrors: process.env.DUBAO_STATIC_SKIP_TYPECHECK === '1' },
  headers: undefined,
  // Every page is written out once: nothing to keep in memory while exporting.
  cacheHandler: undefined,
  cacheMaxMemorySize: undefined,
  compiler: undefined,
};

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The repair desk's pages are `*.desk.tsx`: routes of the server build only, never of the static
  // export (whose pageExtensions above leave them out), so nothing of the desk is exported.
  pageExtensions: ['desk.tsx', 'tsx', 'ts', 'jsx', 'js'],
  // server.ts compresses, after it has finished the HTML.
  compress: false,
  cacheHandler: path.resolve('lib/server/isr-cache.mjs'),
  // The handler above is the only page cache (Next.js's own in-memory copy would not know the content changed).
  cacheMaxMemorySize: 0,
  // The handler serves the pages prerendered by this build (the newest issues) only to a server whose
  // content is the build's: record it after compiling, before any page is prerendered.
  compiler: {
    runAfterProductionCompile: async ({ distDir }) => {
      writeBuildRecord(distDir);
    },
  },
  // The stylesheet stays a file (about 6 KB gzip, cached for a year), not experimental.inlineCss:
  // inlined, it travelled twice in every page (in <style> and again in the RSC payload), 22.3 KB
  // gzip per article instead of 8.9, and Lighthouse scored the pages lower (see the README).
  // The raw editions are read at request time from CONTENT_DIR (or content/), so one build
  // serves any archive; keep the content folders out of the server trace.
  outputFileTracingExcludes: { '*': ['content/**', 'e2e/**'] },
  // The bundle has no parser or search sources to hash: pin the versions of the on-disk caches at build time.
  env: {
    DUBAO_PARSER_VERSION: ingestSourceHash() ?? '',
    DUBAO_SEARCH_VERSION: searchSourceHash() ?? '',
    DUBAO_STATIC: STATIC ? '1' : '',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          // Old browsers that ignore CSP frame-ancestors.
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
        ],
      },
      {
        // Named in every page with a hash of its text (?v=…): a new script is a new URL.
        source: '/prefs.js',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
      },
    ];
  },
};

export default withNextIntl(STATIC ? { ...nextConfig, ...staticExport } : nextConfig);
