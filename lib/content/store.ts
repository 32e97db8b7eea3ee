/**
 * The archive held in memory, read at request time from CONTENT_DIR (so one build serves any
 * archive). The first read is synchronous; after that, at most every few seconds, a request starts
 * a rescan in the background (directory listings and stats through libuv, so a request never waits
 * for twenty years of files to be stat'ed) and keeps answering from the archive it has. A rescan that
 * finds a change re-reads only the changed files and rebuilds only their issues. Shared by the data
 * layer and the proxy's 404 check (no `server-only` here: the proxy imports it too).
 */
import type { ParsedPage } from '@/lib/ingest/types';
import { publishContentVersion } from '@/lib/server/isr-cache.mjs';
import { assembleArchive, contentDir, scanArchive, scanArchiveAsync, type Archive, type LoadOptions } from './load';

const RESCAN_MS = 5_000;

interface State {
  archive: Archive;
  checkedAt: number;
  parses: Map<string, { stamp: string; page: ParsedPage }>;
  issues: NonNullable<LoadOptions['issues']>;
  rescan?: Promise<void>;
}

// One copy per server process, whichever bundle asks first.
const store = globalThis as typeof globalThis & { __dubaoContent?: Map<string, State> };

function publish(state: State) {
  // Rendered pages are cached under this fingerprint (lib/server/isr-cache.mjs): a changed file
  // makes every page rendered from the old archive a miss.
  publishContentVersion(state.archive.version);
}

async function rescan(dir: string, state: State): Promise<void> {
  try {
    const listing = await scanArchiveAsync(dir);
    if (listing.version !== state.archive.version) {
      state.archive = assembleArchive(listing, { cache: state.parses, issues: state.issues });
      publish(state);
    }
  } catch (err) {
    console.error(`${dir}: rescanning the archive failed (${(err as Error).message}); serving what was read before`);
  } finally {
    state.checkedAt = Date.now();
    state.rescan = undefined;
  }
}

export function archive(): Archive {
  const dir = contentDir();
  store.__dubaoContent ??= new Map();
  let state = store.__dubaoContent.get(dir);
  if (!state) {
    const parses: State['parses'] = new Map();
    const issues: State['issues'] = new Map();
    const loaded = assembleArchive(scanArchive(dir), { cache: parses, issues });
    state = { archive: loaded, checkedAt: Date.now(), parses, issues };
    store.__dubaoContent.set(dir, state);
    publish(state);
  } else if (!state.rescan && Date.now() - state.checkedAt >= RESCAN_MS) {
    state.rescan = rescan(dir, state);
  }
  return state.archive;
}

/** Resolves once a rescan in progress (if any) is done: for tests and benchmarks. */
export function settled(): Promise<void> {
  return store.__dubaoContent?.get(contentDir())?.rescan ?? Promise.resolve();
}

/**
 * Rescans now and resolves when done: after the repair desk wrote a page's overrides, so the next
 * reader request is served from the new archive without waiting for the interval.
 */
export async function rescanNow(): Promise<void> {
  archive();
  const state = store.__dubaoContent?.get(contentDir());
  if (!state) return;
  await state.rescan;
  state.rescan = rescan(contentDir(), state);
  await state.rescan;
}
