/**
 * Screenshots a repair report in Debian's chromium, for the notes and for looking at the layout:
 * tsx scripts/report-screenshot.ts <report.html[#L120]> <out.png> [--full]
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

async function main() {
  const [html, out, full] = process.argv.slice(2);
  if (!html || !out) throw new Error('usage: tsx scripts/report-screenshot.ts <report.html> <out.png> [--full]');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 1100 } });
    const [file, anchor] = html.split('#');
    await page.goto(`file://${path.resolve(file!)}${anchor ? `#${anchor}` : ''}`);
    await page.screenshot({ path: out, fullPage: full === '--full' });
  } finally {
    await browser.close();
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
