/**
 * Folding for comparison only (never for display): NFKC turns full-width forms (ＰＴＡ, １７５．３, 　)
 * into their ASCII equivalents, then letter case is dropped. The stored text keeps its published form.
 */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Folded text plus, for every UTF-16 unit of it, the index in the original where it came from. */
export interface FoldedMap {
  folded: string;
  /** origin[i] is the original index of folded[i]; origin[folded.length] is text.length. */
  origin: number[];
}

/**
 * Folds code point by code point so matches found in the folded text can be marked in the original.
 * Slower than fold(); used on the few texts a result page shows.
 */
export function foldWithMap(text: string): FoldedMap {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const unit = cp > 0xffff ? 2 : 1;
    const part = fold(text.slice(i, i + unit));
    folded += part;
    for (let k = 0; k < part.length; k++) origin.push(i);
    i += unit;
  }
  origin.push(text.length);
  return { folded, origin };
}
