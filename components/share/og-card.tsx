/**
 * The link-preview card (1200×630) drawn by next/og: the paper in red over a rule, the headline
 * block as printed, the date and page, on newsprint. Satori's subset of CSS: flex boxes only.
 */
import { ImageResponse } from 'next/og';
import { ogFonts } from './og-fonts';

export const OG_SIZE = { width: 1200, height: 630 };

export interface OgCardProps {
  paper: string;
  dateLine: string;
  pageLine: string;
  kicker?: string;
  headline: string;
  deck?: string;
  site: string;
}

const INK = '#1b1a17';
const RED = '#b3141b';
const MUTED = '#5f5a50';

/** Headline size by length: a short headline fills the card, a long one still fits three lines. */
export function headlineSize(headline: string): number {
  const n = Array.from(headline).length;
  if (n <= 10) return 96;
  if (n <= 16) return 76;
  if (n <= 24) return 64;
  if (n <= 36) return 54;
  return 46;
}

export function ogCard(p: OgCardProps): ImageResponse {
  const text = [p.paper, p.dateLine, p.pageLine, p.kicker, p.headline, p.deck, p.site]
    .filter(Boolean)
    .join('');
  const { fonts, family } = ogFonts(text);
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: '#f8f4ea',
        color: INK,
        padding: '48px 64px',
        fontFamily: family,
      }}
    >
      <div
        style={{
          display: 'flex',
          alignItems: 'baseline',
          justifyContent: 'space-between',
          borderBottom: `4px solid ${RED}`,
          paddingBottom: 16,
        }}
      >
        <div style={{ display: 'flex', color: RED, fontSize: 56, fontWeight: 700 }}>{p.paper}</div>
        <div style={{ display: 'flex', color: MUTED, fontSize: 30 }}>{p.dateLine}</div>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1 }}>
        {p.kicker ? (
          <div style={{ display: 'flex', fontSize: 34, fontWeight: 700, color: MUTED, marginBottom: 12 }}>
            {p.kicker}
          </div>
        ) : null}
        <div
          style={{
            display: 'flex',
            fontSize: headlineSize(p.headline),
            fontWeight: 700,
            lineHeight: 1.25,
            maxHeight: headlineSize(p.headline) * 1.25 * 3,
            overflow: 'hidden',
          }}
        >
          {p.headline}
        </div>
        {p.deck ? (
          <div style={{ display: 'flex', fontSize: 34, color: MUTED, marginTop: 16 }}>{p.deck}</div>
        ) : null}
      </div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          borderTop: `1px solid #b9b1a1`,
          paddingTop: 14,
          fontSize: 28,
          color: MUTED,
        }}
      >
        <div style={{ display: 'flex', color: RED, fontWeight: 700 }}>{p.pageLine}</div>
        <div style={{ display: 'flex' }}>{p.site}</div>
      </div>
    </div>,
    {
      ...OG_SIZE,
      fonts,
      // The archive can be re-ingested: let caches refresh the card within the hour.
      headers: { 'Cache-Control': 'public, max-age=3600' },
    },
  );
}
