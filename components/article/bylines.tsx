/** Bylines as printed: ■记者 王茹彤  通讯员 夏晓蕾; a commentary's author as ■黄雨欣. */
import type { Byline } from '@/lib/ingest/types';

type Props = { bylines: readonly Byline[]; className?: string };

export function bylineText(b: Byline): string {
  return [b.role, ...b.names].filter(Boolean).join(' ');
}

export function Bylines({ bylines, className = 'bylines' }: Props) {
  if (bylines.length === 0) return null;
  return (
    <p className={className}>
      {bylines.map((b, i) => (
        <span key={i}>
          {i === 0 ? '■' : ''}
          {bylineText(b)}
        </span>
      ))}
    </p>
  );
}
