import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadRequest } from './errors';
import { isIsoDate, isPageNumber, pageFiles } from './ids';

const dir = path.resolve('/srv/dubao/content');

describe('ids', () => {
  it('takes real YYYY-MM-DD dates only', () => {
    for (const ok of ['2025-07-31', '2024-02-29', '1949-10-01']) expect(isIsoDate(ok), ok).toBe(true);
    const bad = [
      '2025-13-40',
      '2025-02-29',
      '2025-7-31',
      '2025-07-31 ',
      ' 2025-07-31',
      '2025-07-31\n',
      '2025-07-31/..',
      '..',
      '%2e%2e',
      '2025-07-31\0',
      '+2025-07-31',
      '２０２５-07-31',
      '',
      null,
      20250731,
    ];
    for (const s of bad) expect(isIsoDate(s), JSON.stringify(s)).toBe(false);
  });

  it('takes page numbers 1 to 999 in digits only', () => {
    for (const ok of ['1', '9', '10', '100', '999']) expect(isPageNumber(ok), ok).toBe(true);
    const bad = [
      '0',
      '00',
      '01',
      '1000',
      '-1',
      '+1',
      ' 1',
      '1 ',
      '1\0',
      '1.0',
      '1e2',
      '0x1',
      '١',
      '１',
      '..',
      '%2e%2e',
      '01/../',
      '1/..',
      '',
      null,
      1,
    ];
    for (const s of bad) expect(isPageNumber(s), JSON.stringify(s)).toBe(false);
  });
});

describe('a page’s files', () => {
  it('are <dir>/<date>/<NN>.md and <NN>.overrides.yaml, NN zero-padded to two digits', () => {
    expect(pageFiles(dir, '2025-07-31', '1')).toEqual({
      raw: path.join(dir, '2025-07-31', '01.md'),
      overrides: path.join(dir, '2025-07-31', '01.overrides.yaml'),
    });
    expect(pageFiles(dir, '2025-07-31', 12).raw).toBe(path.join(dir, '2025-07-31', '12.md'));
    expect(pageFiles(dir, '2025-07-31', '100').raw).toBe(path.join(dir, '2025-07-31', '100.md'));
    expect(pageFiles('content', '2025-07-31', 3).raw).toBe(path.resolve('content', '2025-07-31', '03.md'));
  });

  it('are refused for any id that could leave the folder', () => {
    const attempts: [string, string | number][] = [
      ['..', '1'],
      ['../etc', '1'],
      ['%2e%2e', '1'],
      ['2025-07-31/..', '1'],
      ['2025-13-40', '1'],
      ['/etc/passwd', '1'],
      ['2025-07-31', '0'],
      ['2025-07-31', '1000'],
      ['2025-07-31', '01/../'],
      ['2025-07-31', '../../etc/passwd'],
      ['2025-07-31', '%2e%2e%2f'],
      ['2025-07-31', '/etc/passwd'],
      ['2025-07-31', '1\0'],
      ['2025-07-31', 0],
      ['2025-07-31', 1000],
      ['2025-07-31', 1.5],
      ['2025-07-31', -1],
      ['2025-07-31', NaN],
    ];
    for (const [date, page] of attempts)
      expect(() => pageFiles(dir, date, page), `${date} ${page}`).toThrow(BadRequest);
  });
});
