'use client';
/**
 * One row of reading-preference buttons. Without JavaScript each button submits the surrounding
 * form (a cookie is set and the page reloads); with it, the choice applies at once.
 */
import { useSyncExternalStore } from 'react';

type Props = {
  /** data-* attribute on <html> and the form field name. */
  name: 'size' | 'theme';
  cookie: string;
  label: string;
  options: { value: string; label: string }[];
  current: string;
  fallback: string;
  maxAge: number;
};

export function PrefGroup({ name, cookie, label, options, current, fallback, maxAge }: Props) {
  // The page may be a cached copy rendered for nobody in particular: the server (or, in the static
  // export, a script in <head>) put this reader's choice on <html>, so that is where it is read.
  const value = useSyncExternalStore(
    watchRoot,
    () => document.documentElement.dataset[name] ?? fallback,
    () => current,
  );
  return (
    <span role="group" aria-label={label} className="pref-group">
      <span aria-hidden="true" className="text-muted">
        {label}
      </span>
      {options.map((o) => (
        <button
          key={o.value}
          type="submit"
          name={name}
          value={o.value}
          aria-pressed={value === o.value}
          onClick={(event) => {
            event.preventDefault();
            document.cookie = `${cookie}=${o.value}; path=/; max-age=${maxAge}; samesite=lax`;
            const root = document.documentElement;
            if (o.value === fallback) delete root.dataset[name];
            else root.dataset[name] = o.value;
          }}
        >
          {o.label}
        </button>
      ))}
    </span>
  );
}

/** Calls back whenever an attribute of <html> changes. */
function watchRoot(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true });
  return () => observer.disconnect();
}
