'use client';
/** The system share sheet (Web Share API), offered only where the browser has one. */
import { SHARE_BUTTON } from './copy-button';
import { useClientValue } from './use-client-value';

type Props = { url: string; title: string; label: string };

export function WebShareButton({ url, title, label }: Props) {
  const supported = useClientValue(() => typeof navigator.share === 'function');
  if (!supported) return null;
  return (
    <button
      type="button"
      className={SHARE_BUTTON}
      onClick={() => {
        // A dismissed share sheet rejects; nothing to report.
        navigator.share({ title, url }).catch(() => {});
      }}
    >
      {label}
    </button>
  );
}
