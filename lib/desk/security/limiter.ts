/**
 * Slows password guessing at the desk's sign-in: at most `max` failed attempts per key (the
 * client's address) in a fixed window, then a wait until the window ends. In memory, per process,
 * and bounded: past `maxKeys` keys the oldest window is forgotten, so an attacker cycling through
 * addresses can cost at most that many small entries, never the server's memory.
 *
 * The password check is slow and asynchronous (scrypt), so count the attempt before it, or a burst
 * of parallel guesses all pass check() before the first failure is recorded:
 *
 *   if (!limiter.check(ip).ok) → 429 with Retry-After
 *   limiter.fail(ip);
 *   if (await verifyCredentials(…)) limiter.succeed(ip);
 */

export interface SignInLimiterOptions {
  max?: number;
  windowMs?: number;
  now?: () => number;
  maxKeys?: number;
}

export type LimitCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Window {
  start: number;
  failures: number;
}

export class SignInLimiter {
  private readonly max: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;
  /** In order of window start (a new window is re-inserted at the end), so the oldest is first. */
  private readonly windows = new Map<string, Window>();

  constructor({ max = 5, windowMs = 60_000, now = Date.now, maxKeys = 10_000 }: SignInLimiterOptions = {}) {
    this.max = max;
    this.windowMs = windowMs;
    this.now = now;
    this.maxKeys = maxKeys;
  }

  /** Whether `key` may try to sign in now; ask before checking the password. */
  check(key: string): LimitCheck {
    const w = this.current(key);
    if (!w || w.failures < this.max) return { ok: true };
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.windowMs - this.now()) / 1000)),
    };
  }

  /** Counts a failed sign-in against `key`. */
  fail(key: string): void {
    const w = this.current(key);
    if (w) {
      w.failures++;
      return;
    }
    this.windows.set(key, { start: this.now(), failures: 1 });
    this.prune();
  }

  /**
   * Forgets `key`'s failures after a sign-in that worked. Note: with a key per address, an editor
   * with a password of their own could interleave their own sign-ins with guesses at a colleague's;
   * to close that, also limit per name (e.g. `name:<name>`) and do not clear that key here.
   */
  succeed(key: string): void {
    this.windows.delete(key);
  }

  /** How many keys are tracked (for tests and a status line). */
  get size(): number {
    return this.windows.size;
  }

  /** The key's window if it is still open; a closed one is dropped. */
  private current(key: string): Window | undefined {
    const w = this.windows.get(key);
    if (w && this.now() - w.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  /** Drops closed windows from the front (the oldest), then the oldest open ones beyond maxKeys. */
  private prune(): void {
    const now = this.now();
    for (const [key, w] of this.windows) {
      if (this.windows.size > this.maxKeys || now - w.start >= this.windowMs) this.windows.delete(key);
      else break;
    }
  }
}
