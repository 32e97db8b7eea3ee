import { describe, expect, it } from 'vitest';
import { SignInLimiter } from './limiter';

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('the sign-in limiter', () => {
  it('allows max failures per key per window, then says how long to wait', () => {
    const c = clock();
    const limiter = new SignInLimiter({ max: 3, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.check('1.2.3.4')).toEqual({ ok: true });
      limiter.fail('1.2.3.4');
    }
    expect(limiter.check('1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 60 });
    c.t += 15_500;
    expect(limiter.check('1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(limiter.check('5.6.7.8')).toEqual({ ok: true });
    c.t += 44_499;
    expect(limiter.check('1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 1 });
    c.t += 1;
    expect(limiter.check('1.2.3.4')).toEqual({ ok: true });
    limiter.fail('1.2.3.4');
    expect(limiter.check('1.2.3.4')).toEqual({ ok: true });
  });

  it('defaults to 5 failures a minute', () => {
    const c = clock();
    const limiter = new SignInLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) limiter.fail('ip');
    expect(limiter.check('ip').ok).toBe(false);
    c.t += 59_999;
    expect(limiter.check('ip').ok).toBe(false);
    c.t += 1;
    expect(limiter.check('ip').ok).toBe(true);
  });

  it('forgets a key’s failures after a sign-in that worked', () => {
    const limiter = new SignInLimiter({ max: 2, now: clock().now });
    limiter.fail('ip');
    limiter.fail('ip');
    expect(limiter.check('ip').ok).toBe(false);
    limiter.succeed('ip');
    expect(limiter.check('ip').ok).toBe(true);
  });

  it('counts parallel guesses when each is counted before the password check', () => {
    const limiter = new SignInLimiter({ max: 5, now: clock().now });
    const allowed = Array.from({ length: 50 }, () => {
      if (!limiter.check('ip').ok) return false;
      limiter.fail('ip');
      return true;
    });
    expect(allowed.filter(Boolean)).toHaveLength(5);
  });

  it('holds at most maxKeys keys, forgetting the oldest first', () => {
    const c = clock();
    const limiter = new SignInLimiter({ max: 1, maxKeys: 100, now: c.now });
    for (let i = 0; i < 1000; i++) {
      limiter.fail(`10.0.${i >> 8}.${i & 255}`);
      c.t += 1;
    }
    expect(limiter.size).toBe(100);
    expect(limiter.check('10.0.0.0').ok).toBe(true);
    expect(limiter.check('10.0.3.131').ok).toBe(true); // key 899, the oldest beyond the bound
    expect(limiter.check('10.0.3.132').ok).toBe(false); // key 900, the oldest kept
    expect(limiter.check('10.0.3.231').ok).toBe(false);
  });

  it('bounds itself at 10 000 keys by default, and drops closed windows', () => {
    const c = clock();
    const limiter = new SignInLimiter({ now: c.now });
    for (let i = 0; i < 12_000; i++) limiter.fail(`k${i}`);
    expect(limiter.size).toBe(10_000);
    c.t += 60_000;
    limiter.fail('new');
    expect(limiter.size).toBe(1);
  });
});
