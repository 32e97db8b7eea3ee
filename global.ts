/** Types next-intl's locale and message keys from our routing and the Chinese messages. */
import type { routing } from '@/i18n/routing';
import type facets from '@/messages/features/facets.json';
import type facsimile from '@/messages/features/facsimile.json';
import type listen from '@/messages/features/listen.json';
import type menu from '@/messages/features/menu.json';
import type messages from '@/messages/zh.json';

declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages &
      (typeof facets)['zh'] &
      (typeof facsimile)['zh'] &
      (typeof listen)['zh'] &
      (typeof menu)['zh'];
  }
}
