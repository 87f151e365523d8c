// QR codes on the book's SOP pages, pointing at the SOP's page on the catalogue site (where its
// signed original is). Encoded by node-qrcode, drawn as one SVG path: printed by Chromium with the
// book's page numbers, crisp at any resolution and the same bytes every time.
import QRCode from 'qrcode';

/** One square per dark module, on a viewBox with a two-module quiet zone (the page is white). */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const n = modules.size;
  let d = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.get(y, x)) d += `M${x + 2} ${y + 2}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n + 4} ${n + 4}" shape-rendering="crispEdges" role="img" aria-label="Kode QR"><path d="${d}" fill="#000"/></svg>`;
}

/** The address as printed under the code: without the scheme and trailing slash. */
export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}
