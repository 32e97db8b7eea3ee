import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { overridesFrom, readOverrides } from '@/lib/ingest/overrides';
import { actionSchema, applyAction, DeskError, historyOf, saveAction, versionOf } from './edits';

const now = new Date('2025-07-31T09:00:00Z');
const later = new Date('2025-07-31T09:05:00Z');
const rulesOf = (src: string) => {
  const { history: _h, ...rest } = (parse(src) ?? {}) as Record<string, unknown>;
  return rest;
};

describe('applyAction', () => {
  it('adds a rule and a history entry naming who and when', () => {
    const out = applyAction('', { op: 'banner', line: 10 }, '王编辑', now);
    expect(rulesOf(out)).toEqual({ banner: [10] });
    expect(historyOf(out)).toEqual([{ n: 1, at: '2025-07-31T09:00:00.000Z', by: '王编辑', op: 'banner', added: { key: 'banner', value: 10 } }]);
    // The parser reads what the desk writes.
    expect(readOverrides(new TextEncoder().encode(out), 'x.yaml').rules).toEqual([expect.objectContaining({ op: 'banner', line: 10 })]);
  });

  it('a block is one thing at a time: a new kind replaces the old, and undo puts it back', () => {
    let src = applyAction('', { op: 'subhead', line: 12 }, 'a', now);
    src = applyAction(src, { op: 'banner', line: 12 }, 'b', later);
    expect(rulesOf(src)).toEqual({ banner: [12] });
    expect(historyOf(src)[1]).toMatchObject({ n: 2, replaced: [{ key: 'subhead', value: 12 }] });
    src = applyAction(src, { op: 'undo', n: 2 }, 'a', later);
    expect(rulesOf(src)).toEqual({ subhead: [12] });
    expect(historyOf(src).map((e) => [e.n, e.op, e.undoes, e.undoneBy])).toEqual([
      [1, 'subhead', undefined, undefined],
      [2, 'banner', undefined, 3],
      [3, 'undo', 2, undefined],
    ]);
  });

  it('any fix can be reverted, not only the last', () => {
    let src = applyAction('', { op: 'headline', line: 3, text: '新标题' }, 'a', now);
    src = applyAction(src, { op: 'join', line: 18, to: 12 }, 'a', now);
    src = applyAction(src, { op: 'move', line: 30, to: 3, after: 7 }, 'a', now);
    src = applyAction(src, { op: 'undo', n: 2 }, 'b', later);
    expect(rulesOf(src)).toEqual({ headline: { 3: '新标题' }, move: [{ line: 30, to: 3, after: 7 }] });
    expect(() => applyAction(src, { op: 'undo', n: 2 }, 'b', later)).toThrow(/already undone/);
    expect(() => applyAction(src, { op: 'undo', n: 9 }, 'b', later)).toThrow(DeskError);
  });

  it('a new headline remembers the old one, and undo restores it', () => {
    let src = applyAction('', { op: 'headline', line: 3, text: '第一稿' }, 'a', now);
    src = applyAction(src, { op: 'headline', line: 3, text: '第二稿' }, 'a', now);
    expect(rulesOf(src)).toEqual({ headline: { 3: '第二稿' } });
    src = applyAction(src, { op: 'undo', n: 2 }, 'a', now);
    expect(rulesOf(src)).toEqual({ headline: { 3: '第一稿' } });
  });

  it('keeps an editor’s comments and keys', () => {
    const hand = '# 王编辑 7月31日\nsubhead: [42] # 小标题\nkind:\n  23: commentary\n';
    const out = applyAction(hand, { op: 'keep', line: 52 }, 'a', now);
    expect(out).toContain('# 王编辑 7月31日');
    expect(out).toContain('# 小标题');
    expect(rulesOf(out)).toEqual({ subhead: [42], kind: { 23: 'commentary' }, keep: [52] });
    expect(overridesFrom(parse(out)).rules.length).toBe(3);
  });

  it('marks the page checked, and undo takes the mark back', () => {
    let src = applyAction('', { op: 'checked' }, '李编辑', now);
    expect(rulesOf(src)).toEqual({ checked: { by: '李编辑', at: '2025-07-31T09:00:00.000Z' } });
    src = applyAction(src, { op: 'undo', n: 1 }, '李编辑', now);
    expect(rulesOf(src)).toEqual({});
  });
});

describe('actionSchema', () => {
  it('reads form fields and refuses what no action is', () => {
    expect(actionSchema.parse({ op: 'move', line: '30', to: '3', after: '7' })).toEqual({ op: 'move', line: 30, to: 3, after: 7 });
    expect(actionSchema.safeParse({ op: 'rm', line: '1' }).success).toBe(false);
    expect(actionSchema.safeParse({ op: 'banner', line: '-1' }).success).toBe(false);
    expect(actionSchema.safeParse({ op: 'banner', line: '../1' }).success).toBe(false);
    expect(actionSchema.safeParse({ op: 'headline', line: '3', text: '   ' }).success).toBe(false);
  });
});

describe('saveAction', () => {
  const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), 'desk-')), '01.overrides.yaml');

  it('writes the file, and refuses a save against a stale version with who changed it', async () => {
    const file = fresh();
    const first = await saveAction(file, 'none', { op: 'banner', line: 10 }, '王编辑', now);
    expect(first.version).toBe(versionOf(readFileSync(file)));
    // A second editor still holding the page as it was before the first fix.
    await expect(saveAction(file, 'none', { op: 'subhead', line: 12 }, '李编辑', later)).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/changed by 王编辑 \(fix #1/),
    });
    expect(rulesOf(readFileSync(file, 'utf8'))).toEqual({ banner: [10] });
    await saveAction(file, first.version, { op: 'subhead', line: 12 }, '李编辑', later);
    expect(rulesOf(readFileSync(file, 'utf8'))).toEqual({ banner: [10], subhead: [12] });
  });

  it('two saves at once against one version: one lands, the other is refused', async () => {
    const file = fresh();
    const results = await Promise.allSettled([
      saveAction(file, 'none', { op: 'banner', line: 10 }, 'a', now),
      saveAction(file, 'none', { op: 'keep', line: 20 }, 'b', now),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(historyOf(readFileSync(file, 'utf8')).length).toBe(1);
  });

  it('leaves no temporary file, and never writes a file the parser would refuse', async () => {
    const file = fresh();
    writeFileSync(file, 'subhead: [42]\n');
    const v = versionOf(readFileSync(file));
    await saveAction(file, v, { op: 'break', line: 8 }, 'a', now);
    expect(readdirSync(path.dirname(file))).toEqual(['01.overrides.yaml']);
    writeFileSync(file, 'subhead: [oops]\n');
    const bad = versionOf(readFileSync(file));
    await expect(saveAction(file, bad, { op: 'keep', line: 9 }, 'a', now)).rejects.toThrow(/01\.overrides\.yaml:1/);
    expect(readFileSync(file, 'utf8')).toBe('subhead: [oops]\n');
  });
});
