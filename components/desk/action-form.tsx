/**
 * One fix as a form: POST /desk/action with the page, the version of its overrides the editor sees
 * and the session's CSRF token. Works without JavaScript; the server answers with the page again.
 */
import type { ReactNode } from 'react';

export interface FormContext {
  csrf: string;
  date: string;
  page: number;
  version: string;
}

export function ActionForm({
  ctx,
  op,
  line,
  children,
  className,
  label,
}: {
  ctx: FormContext;
  op: string;
  line?: number;
  children: ReactNode;
  className?: string;
  /** The form's accessible name, when its button alone does not say what it changes. */
  label?: string;
}) {
  return (
    <form method="post" action="/desk/action" className={className ?? 'desk-inline'} aria-label={label}>
      <input type="hidden" name="csrf" value={ctx.csrf} />
      <input type="hidden" name="date" value={ctx.date} />
      <input type="hidden" name="page" value={ctx.page} />
      <input type="hidden" name="version" value={ctx.version} />
      <input type="hidden" name="op" value={op} />
      {line !== undefined ? <input type="hidden" name="line" value={line} /> : null}
      {children}
    </form>
  );
}

/** A one-click fix: the button is the whole form. */
export function OpButton({ ctx, op, line, text, title }: { ctx: FormContext; op: string; line: number; text: string; title: string }) {
  return (
    <ActionForm ctx={ctx} op={op} line={line}>
      <button type="submit" className="desk-btn" title={title} aria-label={title}>
        {text}
      </button>
    </ActionForm>
  );
}
