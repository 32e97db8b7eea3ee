/**
 * The e2e servers' ports (playwright.config.ts starts them). E2E_PORT_BASE moves them all (default
 * 3210), so two checkouts can run their e2e at once.
 */
export const PORT_BASE = Number(process.env.E2E_PORT_BASE) || 3210;
export const SEED_PORT = PORT_BASE;
export const FIXTURE_PORT = PORT_BASE + 1;
/** The bad-content archive (e2e/fixtures/bad-archive). */
export const BAD_PORT = PORT_BASE + 2;
/** A scratch copy of the fixture archive that e2e/live.spec.ts edits while its server runs. */
export const LIVE_PORT = PORT_BASE + 3;
/** The repair desk's server. */
export const DESK_PORT = PORT_BASE + 4;
/** The static export of the fixture archive (npm run build:static) on a plain static file server. */
export const STATIC_PORT = PORT_BASE + 9;

export const origin = (port: number) => `http://127.0.0.1:${port}`;
