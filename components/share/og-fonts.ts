/**
 * Fonts for the generated link-preview images. Satori (next/og) reads TTF/OTF/WOFF, not WOFF2, and
 * needs every glyph it draws, so the card uses Noto Sans SC from @fontsource/noto-sans-sc: its
 * WOFF files are cut into ~100 unicode-range subsets, and only those covering the card's
 * characters are read (a few hundred kB, not the whole 10 MB face). Node only.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Weight = 400 | 700;
interface Subset {
  file: string;
  ranges: [number, number][];
}
export interface OgFont {
  name: string;
  data: Buffer;
  weight: Weight;
  style: 'normal';
}

function packageDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', '@fontsource', 'noto-sans-sc');
}

const subsetsByWeight = new Map<Weight, Subset[]>();
const files = new Map<string, Buffer>();

/** The @font-face rules of one weight: which WOFF file covers which code points. */
export function parseFontFaces(css: string): Subset[] {
  const out: Subset[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\) format\('woff'\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((r): [number, number] => {
      const [lo, hi] = r.trim().replace(/^U\+/i, '').split('-');
      const a = Number.parseInt(lo ?? '', 16);
      return [a, hi ? Number.parseInt(hi, 16) : a];
    });
    out.push({ file, ranges });
  }
  return out;
}

function subsets(weight: Weight): Subset[] {
  let list = subsetsByWeight.get(weight);
  if (!list) {
    list = parseFontFaces(readFileSync(path.join(packageDir(), `${weight}.css`), 'utf8'));
    subsetsByWeight.set(weight, list);
  }
  return list;
}

/** The subset files of one weight needed to draw text (each file once). */
export function subsetFilesFor(text: string, list: readonly Subset[]): string[] {
  const needed = new Set<string>();
  for (const ch of new Set(Array.from(text))) {
    const cp = ch.codePointAt(0) ?? 0;
    const hit = list.find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));
    if (hit) needed.add(hit.file);
  }
  return [...needed];
}

/**
 * Fonts for satori covering every character of text that the face has, in both weights, and the
 * font-family list naming them. Each subset gets a name of its own: satori falls back along the
 * family list, not between faces that share a name.
 */
export function ogFonts(text: string): { fonts: OgFont[]; family: string } {
  const fonts: OgFont[] = [];
  const names = new Set<string>();
  for (const weight of [400, 700] as const) {
    for (const file of subsetFilesFor(text, subsets(weight))) {
      let data = files.get(file);
      if (!data) {
        data = readFileSync(path.join(packageDir(), 'files', file));
        files.set(file, data);
      }
      const name = `NotoSansSC-${file.replace(/-\d+-normal\.woff$/, '').replace(/^noto-sans-sc-/, '')}`;
      names.add(name);
      fonts.push({ name, data, weight, style: 'normal' });
    }
  }
  return { fonts, family: [...names].join(', ') };
}
