import { describe, expect, it } from 'vitest';
import { parseForm, readLimited } from './body';
import { BadRequest, TooLarge } from './errors';

/** A stream of the given chunks that records whether it was cancelled and how far it was read. */
function stream(chunks: Uint8Array[]) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[seen.pulled++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { body, seen };
}
const bytes = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);

describe('reading a body up to a limit', () => {
  it('returns the whole body at or under the limit', async () => {
    const { body } = stream([bytes(3), bytes(4, 0x62), bytes(3)]);
    expect(Buffer.from(await readLimited(body, 10)).toString()).toBe('aaabbbbaaa');
    expect(await readLimited(null, 10)).toEqual(new Uint8Array(0));
    expect(await readLimited(stream([]).body, 0)).toEqual(new Uint8Array(0));
  });

  it('throws TooLarge as soon as the limit is passed, and cancels the rest', async () => {
    const { body, seen } = stream([bytes(6), bytes(6), bytes(6), bytes(6)]);
    const err = await readLimited(body, 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLarge);
    expect((err as TooLarge).limit).toBe(10);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(3);
    await expect(readLimited(stream([bytes(11)]).body, 10)).rejects.toBeInstanceOf(TooLarge);
    await expect(readLimited(stream([bytes(1)]).body, 0)).rejects.toBeInstanceOf(TooLarge);
  });
});

describe('parsing a form', () => {
  const form = (text: string | Uint8Array) =>
    parseForm(typeof text === 'string' ? new TextEncoder().encode(text) : text);

  it('reads UTF-8 names and values, raw or percent-encoded', () => {
    const f = form(
      'headline=%E5%9C%B0%E9%93%81+%E5%BC%80%E9%80%9A&body=地铁开通&n=1&n=2&empty=&flag&pct=100%&x=%zz',
    );
    expect(f.get('headline')).toBe('地铁 开通');
    expect(f.get('body')).toBe('地铁开通');
    expect(f.getAll('n')).toEqual(['1', '2']);
    expect(f.get('empty')).toBe('');
    expect(f.get('flag')).toBe('');
    expect(f.get('pct')).toBe('100%');
    expect(f.get('x')).toBe('%zz');
    expect(form('a=%F0%9F%93%B0😀').get('a')).toBe('📰😀');
    expect(form('').toString()).toBe('');
  });

  it('agrees with URLSearchParams on valid input', () => {
    const text = 'a=1&b=%20x+y&c=%2e%2e%2F&d=%E4%B8%AD&=v&k=&&z';
    expect([...form(text)]).toEqual([...new URLSearchParams(text)]);
  });

  it('refuses invalid UTF-8, raw or percent-encoded, with BadRequest', () => {
    const invalid = [
      new Uint8Array([0x61, 0x3d, 0xff]),
      new Uint8Array([0x61, 0x3d, 0xe5, 0x9c]),
      new Uint8Array([0x61, 0x3d, 0xc0, 0xaf]),
      new TextEncoder().encode('a=%FF'),
      new TextEncoder().encode('a=%E5%9C'),
      new TextEncoder().encode('%C0%AF=x'),
      new TextEncoder().encode('a=%ED%A0%80'),
    ];
    for (const b of invalid) expect(() => parseForm(b), Buffer.from(b).toString('hex')).toThrow(BadRequest);
  });
});
