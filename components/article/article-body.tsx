/** Paragraphs (indented two characters) and in-article subheads (小标题). */
import type { BodyBlock } from '@/lib/ingest/types';

type Props = { body: readonly BodyBlock[]; subheadLevel: 2 | 3 | 4 };

export function ArticleBody({ body, subheadLevel }: Props) {
  const H = `h${subheadLevel}` as const;
  return (
    <div className="prose-zh">
      {body.map((block, i) =>
        block.type === 'h' ? (
          <H key={i} className="subhead">
            {block.text}
          </H>
        ) : (
          <p key={i}>{block.text}</p>
        ),
      )}
    </div>
  );
}
