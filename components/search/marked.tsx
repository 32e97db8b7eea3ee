/** Text with query matches in <mark>; React escapes every piece, nothing is injected as HTML. */
import type { Segment } from '@/lib/search/types';

type Props = { segments: Segment[] };

export function Marked({ segments }: Props) {
  return (
    <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>
  );
}
