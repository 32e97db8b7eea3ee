/** Test helpers for the newsroom commands: a temporary workspace and captured output. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Io } from './import';

export interface Workspace extends Io {
  dir: string;
  out: () => string;
  err: () => string;
  /** Arguments that keep every command inside the workspace. */
  dirs: string[];
  write: (rel: string, data: string | Uint8Array) => string;
}

export function workspace(paper: string, opts: { tty?: boolean } = {}): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'dubao-newsroom-'));
  let out = '';
  let err = '';
  const write = (rel: string, data: string | Uint8Array) => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, data);
    return p;
  };
  write('dubao.config.json', JSON.stringify({ paper }));
  return {
    dir,
    // A CONTENT_DIR pointing elsewhere: --content must win over it.
    env: { CONTENT_DIR: path.join(dir, 'elsewhere') },
    cwd: dir,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: opts.tty ?? false, columns: 200 },
    out: () => out,
    err: () => err,
    dirs: ['--content', path.join(dir, 'content'), '--reports', path.join(dir, 'reports'), '--config', path.join(dir, 'dubao.config.json')],
    write,
  };
}

/** The page text of a fixture without its front matter: what the converter would have emitted. */
export const withoutFrontMatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

export { encodeGbk } from '@/lib/ingest/test-helpers';
