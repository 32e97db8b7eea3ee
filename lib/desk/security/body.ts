/**
 * Reading a request body to the desk without trusting its size or its bytes: reading stops at the
 * limit (Content-Length may be absent or lie), and a form that is not valid UTF-8, raw or
 * percent-encoded, is refused instead of being read with U+FFFD where the editor's text was.
 */
import { BadRequest, TooLarge } from './errors';

/** The whole body, at most `limit` bytes; throws TooLarge (and cancels the stream) as soon as more arrive. */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const utf8 = () => new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** One name or value of a form: '+' is a space, %XX a byte; the bytes must be UTF-8. */
function decodeComponent(text: string): string {
  if (!/[+%]/.test(text)) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '+') bytes.push(0x20);
    else if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      // A '%' not followed by two hex digits stays as it is, as URLSearchParams does.
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      bytes.push(...encoder.encode(String.fromCodePoint(cp)));
    }
  }
  try {
    return utf8().decode(new Uint8Array(bytes));
  } catch {
    throw new BadRequest('form field is not UTF-8');
  }
}

/** An application/x-www-form-urlencoded body; throws BadRequest when it is not UTF-8. */
export function parseForm(bytes: Uint8Array): URLSearchParams {
  let text: string;
  try {
    text = utf8().decode(bytes);
  } catch {
    throw new BadRequest('form body is not UTF-8');
  }
  const form = new URLSearchParams();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [name, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    form.append(decodeComponent(name), decodeComponent(value));
  }
  return form;
}
