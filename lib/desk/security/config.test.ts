import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deskConfig,
  editorName,
  formatPasswordHash,
  hashPassword,
  parsePasswordHash,
  verifyCredentials,
  type DeskConfig,
} from './config';

const TOKEN = 'correct-horse-battery';

/** A hash at the cheapest cost the file accepts, so the tests stay fast. */
function cheapHash(password: string): string {
  const salt = randomBytes(16);
  return formatPasswordHash({
    N: 2 ** 14,
    r: 8,
    p: 1,
    salt,
    hash: scryptSync(password, salt, 32, { N: 2 ** 14, r: 8, p: 1 }),
  });
}

const files = (text: string) => (file: string) => {
  if (file !== '/etc/dubao/editors') throw new Error(`ENOENT: no such file, open '${file}'`);
  return text;
};
const users = (text: string) => deskConfig({ DUBAO_DESK_USERS: '/etc/dubao/editors' }, files(text));
const why = (config: DeskConfig) => (config.enabled ? '' : config.why);

describe('whether the desk is on', () => {
  it('is off with no setting, and says how to turn it on (there is no default secret)', () => {
    const config = deskConfig({}, files(''));
    expect(config.enabled).toBe(false);
    expect(why(config)).toMatch(
      /DUBAO_DESK_TOKEN.*16 characters.*DUBAO_DESK_USERS.*npm run desk:user -- NAME/,
    );
    expect(deskConfig({ DUBAO_DESK_TOKEN: '   ' }).enabled).toBe(false);
  });

  it('refuses a token shorter than 16 characters, saying so', () => {
    const config = deskConfig({ DUBAO_DESK_TOKEN: 'fifteen-chars!!' });
    expect(config.enabled).toBe(false);
    expect(why(config)).toMatch(/DUBAO_DESK_TOKEN is 15 characters, shorter than the 16/);
    expect(deskConfig({ DUBAO_DESK_TOKEN: 'sixteen-chars!!!' })).toEqual({
      enabled: true,
      mode: 'token',
      token: 'sixteen-chars!!!',
    });
  });

  it('refuses a token and a users file at once, and a short DUBAO_DESK_SECRET', () => {
    expect(why(deskConfig({ DUBAO_DESK_TOKEN: TOKEN, DUBAO_DESK_USERS: '/etc/dubao/editors' }))).toMatch(
      /not both/,
    );
    expect(why(deskConfig({ DUBAO_DESK_TOKEN: TOKEN, DUBAO_DESK_SECRET: 'x'.repeat(31) }))).toMatch(
      /DUBAO_DESK_SECRET must be at least 32/,
    );
    expect(deskConfig({ DUBAO_DESK_TOKEN: TOKEN, DUBAO_DESK_SECRET: 'x'.repeat(32) }).enabled).toBe(true);
  });

  it('reads the users file: name:hash lines, comments, blank lines, CRLF', () => {
    const config = users(`# editors\r\n\r\nzhang.san:${cheapHash('a')}\r\n  李四:${cheapHash('b')}  \n`);
    expect(config.enabled && config.mode === 'users' && [...config.users.keys()]).toEqual([
      'zhang.san',
      '李四',
    ]);
  });

  it('names the file and line of a malformed line', () => {
    const good = cheapHash('pw');
    const cases: [string, RegExp][] = [
      [`# ok\nzhang:${good}\nwang ${good}`, /\/etc\/dubao\/editors:3: expected name:hash/],
      [`\n\nbad name:${good}`, /editors:3: not a valid editor name/],
      [`../x:${good}`, /editors:1: not a valid editor name/],
      [`${'a'.repeat(41)}:${good}`, /editors:1: not a valid editor name/],
      [`zhang:${good}\nzhang:${good}`, /editors:2: zhang is listed twice/],
      ['zhang:plaintext-password', /editors:1: not a password hash/],
      [`zhang:${good.replace('$16384$', '$1024$')}`, /editors:1: .*N must be/],
      [`zhang:${good.replace('$16384$', '$16383$')}`, /editors:1: .*N must be/],
      [`zhang:${good.replace('$16384$8$', '$1048576$32$')}`, /editors:1: .*256 MiB/],
      [`zhang:${good.replace(/\$[^$]+$/, '$not*base64')}`, /editors:1: .*the hash must be base64/],
      [`zhang:bcrypt$${good.slice(7)}`, /editors:1: .*expected scrypt/],
    ];
    for (const [text, message] of cases) {
      const config = users(text);
      expect(config.enabled, text).toBe(false);
      expect(why(config)).toMatch(message);
    }
  });

  it('is off when the users file is missing or lists nobody', () => {
    expect(why(deskConfig({ DUBAO_DESK_USERS: '/nope' }, files('')))).toMatch(
      /cannot read DUBAO_DESK_USERS \/nope \(ENOENT/,
    );
    expect(why(users('# nobody yet\n'))).toMatch(/lists no editors/);
  });
});

describe('editor names', () => {
  it('takes letters, digits, Chinese characters and ._-, 1 to 40 of them', () => {
    expect(editorName('zhang_san-2.x')).toBe('zhang_san-2.x');
    expect(editorName(' 王小明 ')).toBe('王小明');
    expect(editorName('a'.repeat(40))).toBe('a'.repeat(40));
    for (const bad of [
      '',
      'a'.repeat(41),
      '..',
      '.hidden',
      'a/b',
      'a b',
      'a:b',
      'a\0',
      'ａ',
      "Ｏ'Neil",
      '<b>',
      'x\ny',
      null,
      3,
    ])
      expect(editorName(bad), String(bad)).toBeNull();
  });
});

describe('checking a sign-in', () => {
  const token: DeskConfig = { enabled: true, mode: 'token', token: TOKEN };

  it('with the token: the name is the editor’s own, the password must be the token', async () => {
    expect(await verifyCredentials(token, '李四', TOKEN)).toBe('李四');
    expect(await verifyCredentials(token, ' li.si ', TOKEN)).toBe('li.si');
    expect(await verifyCredentials(token, '李四', `${TOKEN}x`)).toBeNull();
    expect(await verifyCredentials(token, '李四', TOKEN.slice(0, -1))).toBeNull();
    expect(await verifyCredentials(token, '李四', '')).toBeNull();
    expect(await verifyCredentials(token, '../admin', TOKEN)).toBeNull();
    expect(await verifyCredentials(token, '', TOKEN)).toBeNull();
    expect(await verifyCredentials(token, null, TOKEN)).toBeNull();
    expect(await verifyCredentials({ enabled: false, why: '' }, '李四', TOKEN)).toBeNull();
  });

  it('with the users file: the name must be listed and the password hash to its own', async () => {
    const config = users(`zhang:${cheapHash('zhang’s password')}\nwang:${cheapHash('wang’s password')}`);
    expect(await verifyCredentials(config, 'zhang', 'zhang’s password')).toBe('zhang');
    expect(await verifyCredentials(config, 'wang', 'zhang’s password')).toBeNull();
    expect(await verifyCredentials(config, 'li', 'zhang’s password')).toBeNull();
    expect(await verifyCredentials(config, 'zhang', 'zhang’s passwor')).toBeNull();
    expect(await verifyCredentials(config, 'zhang', undefined)).toBeNull();
    expect(await verifyCredentials(config, 'zhang', 'x'.repeat(2000))).toBeNull();
  });

  it('never lets an unknown name in, even with the dummy hash’s own password', async () => {
    const config = users(`zhang:${cheapHash('pw')}`);
    if (!config.enabled || config.mode !== 'users') throw new Error('expected users mode');
    const dummy = parsePasswordHash(cheapHash('guess'));
    if (typeof dummy === 'string') throw new Error(dummy);
    expect(await verifyCredentials({ ...config, dummy }, 'nobody', 'guess')).toBeNull();
    expect(await verifyCredentials({ ...config, dummy }, 'zhang', 'pw')).toBe('zhang');
  });

  it('makes hashes the users file accepts, each with its own salt', async () => {
    const a = await hashPassword('长城长城长城长城');
    const b = await hashPassword('长城长城长城长城');
    expect(a).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(typeof parsePasswordHash(a)).toBe('object');
    const config = users(`编辑:${a}`);
    expect(await verifyCredentials(config, '编辑', '长城长城长城长城')).toBe('编辑');
    expect(await verifyCredentials(config, '编辑', '长城长城长城')).toBeNull();
  });
});
