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
  /**
   * origin[i] is the original index of folded[i]; origin[folded.length] is text.length. Absent when
   * each unit of the text folded to one unit, so an index means the same in both texts.
   */
  origin?: number[];
}

/**
 * Code units fold() leaves as they are, the bulk of Chinese news text: ASCII but capitals, CJK
 * ideographs, the common CJK punctuation. Anything else is folded (and remembered) one unit at a time.
 */
const OTHER = /[^\0-@[-\x7f\u00b7\u2014\u2018\u2019\u201c\u201d\u3001\u3002\u3008-\u3011\u4e00-\u9fff]/g;

/** fold() of BMP code units (not surrogates) met so far. */
const UNITS = new Map<number, string>();

function foldUnit(c: number): string {
  let f = UNITS.get(c);
  if (f === undefined) {
    f = fold(String.fromCharCode(c));
    UNITS.set(c, f);
  }
  return f;
}

/**
 * Folds code point by code point so matches found in the folded text can be marked in the original.
 * Used on the texts a result page shows. Most text (Han characters, full-width punctuation) folds
 * unit for unit, which needs no map: only when a code point changes length is one made.
 */
export function foldWithMap(text: string): FoldedMap {
  let oneForOne = true;
  const folded = text.replace(OTHER, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xd800 && c <= 0xdfff) {
      oneForOne = false;
      return ch;
    }
    const f = foldUnit(c);
    if (f.length !== 1) oneForOne = false;
    return f;
  });
  return oneForOne ? { folded } : mapped(text);
}

function mapped(text: string): Required<FoldedMap> {
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
