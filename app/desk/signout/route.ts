/** POST /desk/signout: ends the session (the cookie is cleared); needs the session's CSRF token. */
import { DESK_HEADERS, isHttps, readDeskForm, Refused, refusalPage, requireEditor } from '@/lib/desk/auth';
import { clearSessionCookie } from '@/lib/desk/security';

export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  try {
    requireEditor(req, await readDeskForm(req));
    return new Response(null, { status: 303, headers: { location: '/desk', 'set-cookie': clearSessionCookie(isHttps(req)), ...DESK_HEADERS } });
  } catch (err) {
    if (err instanceof Refused) return refusalPage(err.status, err.message);
    throw err;
  }
}
