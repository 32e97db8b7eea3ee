/** Any path no route knows: the localized 404 (status 404). */
import { notFound } from 'next/navigation';

export default function CatchAll() {
  notFound();
}
