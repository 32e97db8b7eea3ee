/**
 * Debian's chromium, as every browser run here starts it (Playwright e2e, Lighthouse, screenshots):
 * headless, no sandbox (root), and nothing that phones home (the machine has no network).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
