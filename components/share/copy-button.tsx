'use client';
/**
 * Copies a text (the article link, the citation) and says so where the button is. Hidden where
 * scripting is off (.js-only): there the text itself stays on the page to copy by hand.
 */
import { useEffect, useState } from 'react';

/** The look of every share button (the site's buttons are styled per component). */
export const SHARE_BUTTON =
  'cursor-pointer border border-rule bg-paper px-3 py-1 font-sans text-sm hover:bg-tint';

type Props = { text: string; label: string; done: string; failed: string; className?: string };

/** Clipboard API, with the old execCommand path for browsers or contexts without it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, label, done, failed, className = SHARE_BUTTON }: Props) {
  const [status, setStatus] = useState<'' | 'done' | 'failed'>('');
  useEffect(() => {
    if (status !== 'done') return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <span className="js-only inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={className}
        onClick={async () => setStatus((await copyText(text)) ? 'done' : 'failed')}
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-red">
        {status === 'done' ? `✓ ${done}` : status === 'failed' ? failed : ''}
      </span>
    </span>
  );
}
