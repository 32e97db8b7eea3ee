import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { ogFonts, parseFontFaces, subsetFilesFor } = await import('./og-fonts');

describe('link-preview fonts', () => {
  const css = readFileSync('node_modules/@fontsource/noto-sans-sc/700.css', 'utf8');
  const faces = parseFontFaces(css);

  it('reads every WOFF subset (satori cannot read WOFF2) with its unicode ranges', () => {
    expect(faces.length).toBeGreaterThan(90);
    for (const f of faces) {
      expect(f.file).toMatch(/\.woff$/);
      expect(f.ranges.length).toBeGreaterThan(0);
    }
  });

  it('picks only the subsets a headline needs, Simplified and Traditional alike', () => {
    const files = subsetFilesFor('头发与發展 2025', faces);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(8);
    const { fonts, family } = ogFonts('头发與發展');
    expect(fonts.every((f) => f.data.length > 1000)).toBe(true);
    expect(family.split(', ').length).toBe(new Set(fonts.map((f) => f.name)).size);
  });
});
