/** /sitemap.xml in the static export: the same document, written at build time. */
export { GET } from './route';
export const dynamic = 'force-static';
