/** npm run report -- <content page file>…: (re)writes repair reports; see lib/newsroom/report-command.ts. */
import { runReport } from '../lib/newsroom/report-command';

process.exitCode = runReport(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
