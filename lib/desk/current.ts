/** The editor signed in on this request, for the desk's server components. */
import 'server-only';
import { cookies } from 'next/headers';
import { editorFrom, type Editor } from './auth';
import { SESSION_COOKIE } from './security';

export async function currentEditor(): Promise<Editor | null> {
  return editorFrom((await cookies()).get(SESSION_COOKIE)?.value);
}
