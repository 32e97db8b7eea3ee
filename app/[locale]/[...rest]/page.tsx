/** Any path no route knows: the localized 404 (status 404). */
import { notFound } from 'next/navigation';

// The static export needs one path here: /<locale>/404, the localized 404 page as a file.
export const generateStaticParams = process.env.DUBAO_STATIC ? () => [{ rest: ['404'] }] : undefined;

export default function CatchAll() {
  notFound();
}
