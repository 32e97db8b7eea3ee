/** npm run import -- <YYYY-MM-DD> <files or folder> [--force] …: see lib/newsroom/import.ts. */
import { runImport } from '../lib/newsroom/import';

process.exitCode = runImport(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
