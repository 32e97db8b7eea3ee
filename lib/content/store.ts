/**
 * The archive held in memory, read at request time from CONTENT_DIR (so one build serves any
 * archive). Rescans at most every few seconds and re-parses only files that changed. Shared by the
 * data layer and the proxy's 404 check (no `server-only` here: the proxy imports it too).
 */
import type { ParsedPage } from '@/lib/ingest/types';
import { publishContentVersion } from '@/lib/server/isr-cache.mjs';
import { contentDir, loadArchive, type Archive } from './load';

const RESCAN_MS = 5_000;

interface State {
  archive: Archive;
  loadedAt: number;
  parses: Map<string, { stamp: string; page: ParsedPage }>;
}

// One copy per server process, whichever bundle asks first.
const store = globalThis as typeof globalThis & { __dubaoContent?: Map<string, State> };

export function archive(): Archive {
  const dir = contentDir();
  store.__dubaoContent ??= new Map();
  const state = store.__dubaoContent.get(dir);
  const now = Date.now();
  if (state && now - state.loadedAt < RESCAN_MS) return state.archive;
  const parses = state?.parses ?? new Map();
  const next = { archive: loadArchive(dir, { cache: parses }), loadedAt: now, parses };
  store.__dubaoContent.set(dir, next);
  // Rendered pages are cached under this fingerprint (lib/server/isr-cache.mjs): a changed file
  // makes every page rendered from the old archive a miss.
  publishContentVersion(next.archive.version);
  return next.archive;
}
