/** Next.js configuration: next-intl plugin (reads i18n/request.ts) and a few hardening headers. */
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { ingestSourceHash } from './lib/content/parser-version';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The raw editions are read at request time from CONTENT_DIR (or content/), so one build
  // serves any archive; keep the content folders out of the server trace.
  outputFileTracingExcludes: { '*': ['content/**', 'e2e/**'] },
  // The bundle has no parser sources to hash: pin the version of the on-disk parse cache at build time.
  env: { DUBAO_PARSER_VERSION: ingestSourceHash() ?? '' },
};

export default withNextIntl(nextConfig);
