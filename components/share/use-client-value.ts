/**
 * A value known only in the browser (has it a share sheet): false in the server's HTML, read after
 * hydration without a setState in an effect. Where it comes out true, React renders the component
 * again right after hydrating: what merely needs JavaScript is better hidden with the .js-only class
 * (a media query), at no cost.
 */
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useClientValue(read: () => boolean): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}
