/**
 * POST /desk/signin: name and password (or the desk token) in, a signed session cookie out. Same-origin
 * forms only; failed attempts are counted per client address before the password is checked, so a
 * burst of guesses cannot slip past the limit.
 */
import { clientIp, desk, DESK_HEADERS, isHttps, readDeskForm, Refused, refusalPage } from '@/lib/desk/auth';
import { issueSession, sessionCookie, verifyCredentials } from '@/lib/desk/security';

export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  const { config, key, limiter } = desk();
  if (!config.enabled || !key) return refusalPage(403, `the desk is off: ${config.enabled ? 'no session key' : config.why}`);
  try {
    const form = await readDeskForm(req);
    // Counted per address and per name: guesses at one editor's password from many addresses are
    // limited too, and an editor's own sign-in clears only their address's count.
    const ip = `ip:${clientIp(req)}`;
    const who = `name:${String(form.get('name') ?? '').trim().slice(0, 40)}`;
    const byIp = limiter.check(ip);
    const byName = limiter.check(who);
    const allowed = !byIp.ok ? byIp : byName;
    if (!allowed.ok) {
      return refusalPage(429, `too many failed sign-ins from this address: try again in ${allowed.retryAfterSeconds} s`, '/desk', {
        'retry-after': String(allowed.retryAfterSeconds),
      });
    }
    limiter.fail(ip);
    limiter.fail(who);
    const name = await verifyCredentials(config, form.get('name'), form.get('password'));
    if (!name) return refusalPage(401, 'wrong name or password (a name is 1–40 letters, digits or Chinese characters)');
    limiter.succeed(ip);
    return new Response(null, {
      status: 303,
      headers: { location: '/desk', 'set-cookie': sessionCookie(issueSession(key, name), { secure: isHttps(req) }), ...DESK_HEADERS },
    });
  } catch (err) {
    if (err instanceof Refused) return refusalPage(err.status, err.message);
    throw err;
  }
}
