/**
 * A value known only in the browser (is JavaScript running, has the browser a share sheet): false
 * in the server's HTML, read after hydration without a setState in an effect.
 */
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useClientValue(read: () => boolean): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}

export const useHydrated = () => useClientValue(() => true);
