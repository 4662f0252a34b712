import qrcode from 'qrcode-generator';
import { useMemo } from 'preact/hooks';

/**
 * A QR code drawn as SVG rectangles (no inline script, no data URL: the strict Content-Security-Policy
 * allows it). Error correction M, as authenticator apps expect.
 */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const cells = useMemo(() => {
    const code = qrcode(0, 'M');
    code.addData(text);
    code.make();
    const count = code.getModuleCount();
    const dark: [number, number][] = [];
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) if (code.isDark(row, col)) dark.push([col, row]);
    }
    return { count, dark };
  }, [text]);
  const margin = 4;
  const extent = cells.count + margin * 2;
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shape-rendering="crispEdges"
      data-testid="totp-qr"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path
        fill="#000"
        d={cells.dark.map(([x, y]) => `M${x + margin} ${y + margin}h1v1h-1z`).join('')}
      />
    </svg>
  );
}
