'use client';
/**
 * Arrow-key movement for the month calendar (the WAI-ARIA date grid keys): ←/→ a day, ↑/↓ a week,
 * Home/End the first/last day, PageUp/PageDown the previous/next month. Without JavaScript every
 * issue day is still a link in the Tab order.
 */
import type { KeyboardEvent, ReactNode } from 'react';

const STEP: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

export function CalendarKeys({ children }: { children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-day]');
    if (!cell) return;
    const root = event.currentTarget;
    const days = Array.from(root.querySelectorAll<HTMLElement>('[data-day]'));
    const i = days.indexOf(cell);
    let target: HTMLElement | undefined;
    if (event.key in STEP) target = days[i + STEP[event.key]!];
    else if (event.key === 'Home') target = days[0];
    else if (event.key === 'End') target = days[days.length - 1];
    else if (event.key === 'PageUp' || event.key === 'PageDown') {
      const link = root.querySelector<HTMLAnchorElement>(
        event.key === 'PageUp' ? 'a[rel=prev]' : 'a[rel=next]',
      );
      if (link) {
        event.preventDefault();
        link.click();
      }
      return;
    } else return;
    event.preventDefault();
    target?.focus();
  };
  return (
    // The grid's cells are the interactive elements; this wrapper only routes their keys.
    <div onKeyDown={onKeyDown}>{children}</div>
  );
}
