/**
 * The project's configuration, `dubao.config.json` at the repository root: what the raw pages do
 * not say about themselves (the paper's name) and where imports go. Validated at the boundary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { IngestError } from '@/lib/ingest';

export const configSchema = z
  .object({
    /** The paper's name as printed in the masthead: 嘉兴日报. */
    paper: z.string().trim().min(1, 'paper must not be empty'),
    /** Page names (editions) a first-line heading may carry: 平湖版 … Lines ending in 版 match anyway. */
    pageNames: z.array(z.string().trim().min(1)).default([]),
    /** Where pages are written, relative to the configuration file; CONTENT_DIR and --content win. */
    contentDir: z.string().min(1).default('content'),
    /** Where repair reports are written, relative to the configuration file; --reports wins. */
    reportsDir: z.string().min(1).default('reports'),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

export const CONFIG_FILE = 'dubao.config.json';

/** Reads and validates the configuration; directories come back absolute. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError(file, undefined, code === 'ENOENT' ? `no configuration file: create ${CONFIG_FILE} with { "paper": "…" }` : `cannot read: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
    throw new IngestError(file, line, `not valid JSON: ${(e as Error).message}`);
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? '');
    const at = text.split('\n').findIndex((l) => l.includes(`"${key}"`));
    const what = issue.code === 'unrecognized_keys' ? `unknown key "${key}"` : issue.code === 'invalid_type' && (data as Record<string, unknown>)[key] === undefined ? `"${key}" is missing` : `"${key}": ${issue.message}`;
    throw new IngestError(file, at >= 0 ? at + 1 : 1, what);
  }
  const base = path.dirname(path.resolve(file));
  return {
    ...parsed.data,
    contentDir: path.resolve(base, parsed.data.contentDir),
    reportsDir: path.resolve(base, parsed.data.reportsDir),
  };
}
