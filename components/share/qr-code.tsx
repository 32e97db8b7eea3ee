/** A QR code of a URL, drawn on the server as inline SVG (no script, no network, prints too). */
import QRCode from 'qrcode';

type Props = { url: string; label: string };

export async function QrCode({ url, label }: Props) {
  // Quiet zone of 2 modules and dark on white whatever the theme, so phone cameras read it.
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return (
    <div
      className="block w-full bg-white p-0 [&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
      role="img"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
