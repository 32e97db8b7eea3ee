/**
 * npm run desk:user -- NAME   (or npx tsx scripts/desk-user.ts NAME)
 * Prints the line that lets an editor sign in to the desk (/desk) with their own password:
 * `NAME:scrypt$…`, to append to the file DUBAO_DESK_USERS names. The password is read from the
 * terminal without echo, asked twice; from a pipe (`printf '%s\n' "$PW" | npm run …`) its first
 * line is taken, so the password never goes on the command line, where `ps` and the shell's history
 * would keep it. Only the line goes to stdout, so `… >> editors` appends it and nothing else.
 */
import { editorName, hashPassword, MIN_PASSWORD_LENGTH } from '../lib/desk/security';

function fail(message: string, code = 1): never {
  process.stderr.write(`desk-user: ${message}\n`);
  process.exit(code);
}

/** A line typed at the terminal with echo off: raw mode, so we see each key and print none. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  stdin.setRawMode(true); // before the prompt, so nothing typed after it is echoed
  process.stderr.write(prompt);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let typed = '';
    const done = (answer: string | undefined) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (answer === undefined) fail('cancelled', 130);
      resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(typed);
        if (ch === '\u0003' || ch === '\u0004') return done(undefined); // Ctrl-C, Ctrl-D
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of a piped stdin (without its line ending). */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h')
    fail('usage: npm run desk:user -- NAME   (the password is read from stdin)', 2);
  const name = editorName(args[0]);
  if (name === null || name !== args[0])
    fail(
      'a name is 1–40 letters, digits, Chinese characters or ._- (starting with a letter, digit or character)',
      2,
    );

  const tty = process.stdin.isTTY;
  const password = tty ? await askHidden(`Password for ${name}: `) : await readPiped();
  if ([...password].length < MIN_PASSWORD_LENGTH)
    fail(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (tty && (await askHidden('Again: ')) !== password) fail('the two passwords differ');

  process.stdout.write(`${name}:${await hashPassword(password)}\n`);
  if (process.stdout.isTTY) process.stderr.write('Append this line to the file DUBAO_DESK_USERS names.\n');
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
