import { describe, expect, it } from 'vitest';
import { FEATURE_MESSAGES, messagesFor } from './messages';
import { routing } from './routing';

/** Each leaf's path: 'Ns.key.sub'. */
function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('every locale has the same keys, the features’ namespaces included', async () => {
    const [first, ...rest] = await Promise.all(routing.locales.map((l) => messagesFor(l)));
    for (const other of rest) expect(leaves(other).sort()).toEqual(leaves(first).sort());
  });

  it('a feature file gives each of its namespaces in all three locales', () => {
    for (const [feature, byLocale] of Object.entries(FEATURE_MESSAGES)) {
      const keys = routing.locales.map((l) => leaves((byLocale as Record<string, unknown>)[l]).sort());
      for (const k of keys) expect(k, feature).toEqual(keys[0]);
    }
  });

  it('a feature namespace never replaces one of the locale file’s', async () => {
    const zh = await messagesFor('zh');
    expect(Object.keys(zh)).toEqual(expect.arrayContaining(['Site', 'Article', 'Search']));
    const base = (await import('../messages/zh.json')).default;
    for (const byLocale of Object.values(FEATURE_MESSAGES))
      for (const ns of Object.keys(byLocale.zh)) expect(Object.keys(base)).not.toContain(ns);
  });
});
