/**
 * POST /desk/action: one fix to one page. The form names the page (date, page number), the version of
 * its overrides the editor saw, and the action (lib/desk/edits.ts). Checked in order: origin and size,
 * session and CSRF, the page (it must be in the archive: ids never become paths), the action; then the
 * fix is saved at that version or refused (409), the archive is rescanned, and the editor goes back to
 * the page at the block they fixed.
 */
import { readDeskForm, Refused, refusalPage, requireEditor, DESK_HEADERS } from '@/lib/desk/auth';
import { actionSchema, DeskError, saveAction } from '@/lib/desk/edits';
import { blockLinesOf, findPage, misfit, overridesFileOf } from '@/lib/desk/pages';
import { isIsoDate, isPageNumber } from '@/lib/desk/security';
import { rescanNow } from '@/lib/content/store';
import { IngestError } from '@/lib/ingest';

export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  let back = '/desk';
  try {
    const form = await readDeskForm(req);
    const editor = requireEditor(req, form);
    const date = form.get('date');
    const pageNo = form.get('page');
    if (!isIsoDate(date)) throw new Refused(400, 'refused: date must be a date written YYYY-MM-DD');
    if (!isPageNumber(pageNo)) throw new Refused(400, 'refused: page must be a page number (1–999)');
    const page = findPage(date, Number(pageNo));
    if (!page) throw new Refused(404, `there is no page ${Number(pageNo)} in the issue of ${date}`);
    back = `/desk/${date}/${Number(pageNo)}`;
    const version = form.get('version');
    if (!version || !/^(none|[0-9a-f]{16})$/.test(version)) throw new Refused(400, 'refused: the form carries no version of the page');
    const fields = Object.fromEntries([...form.entries()].filter(([k, v]) => ['op', 'line', 'to', 'after', 'headline', 'text', 'n'].includes(k) && v !== ''));
    const parsed = actionSchema.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Refused(400, `refused: ${issue.path.join('.') || 'action'}: ${issue.message}`);
    }
    const problem = misfit(parsed.data, blockLinesOf(page));
    if (problem) throw new Refused(400, `refused: ${problem}`);
    const saved = await saveAction(overridesFileOf(page), version, parsed.data, editor.name);
    await rescanNow();
    const anchor = 'line' in parsed.data ? `#L${parsed.data.line}` : '';
    return new Response(null, { status: 303, headers: { location: `${back}?saved=${saved.entry.n}${anchor}`, ...DESK_HEADERS } });
  } catch (err) {
    if (err instanceof Refused) return refusalPage(err.status, err.message, back);
    if (err instanceof DeskError) return refusalPage(err.status, err.message, back);
    if (err instanceof IngestError) return refusalPage(422, `the fix was not saved: ${err.message}`, back);
    throw err;
  }
}
