import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { workspace } from './test-helpers';

describe('dubao.config.json', () => {
  const ws = workspace('嘉兴日报');
  const load = (text: string) => {
    const file = ws.write('c.json', text);
    try {
      return loadConfig(file);
    } catch (e) {
      return (e as Error).message.replace(file, 'c.json');
    }
  };

  it('reads the paper and resolves folders next to the file', () => {
    expect(load('{ "paper": "嘉兴日报" }')).toEqual({ paper: '嘉兴日报', pageNames: [], contentDir: path.join(ws.dir, 'content'), reportsDir: path.join(ws.dir, 'reports') });
  });

  it.each([
    ['{\n  "paper": ""\n}', 'c.json:2: "paper": paper must not be empty'],
    ['{\n  "paper": "x",\n  "papr": "x"\n}', 'c.json:3: unknown key "papr"'],
    ['{}', 'c.json:1: "paper" is missing'],
    ['{\n  "paper": "x",\n}', /^c\.json:3: not valid JSON/],
  ])('rejects %j naming the line', (text, message) => expect(load(text)).toMatch(message));

  it('the repository has one', () => {
    expect(loadConfig(path.join(__dirname, '..', '..', 'dubao.config.json')).paper).toBe('嘉兴日报');
  });
});
