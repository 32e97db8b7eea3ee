/** The real root layout is app/[locale]/layout.tsx (it sets <html lang>); this one only passes through. */
import type { ReactNode } from 'react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
