// CSS ↔ PDF units. Chromium prints 1 CSS px as 0.75 pt (96 px = 72 pt = 1 in), anchored at the
// page's top-left corner, so a box measured in the page maps to PDF points by scaling only.

export const PT_PER_PX = 0.75;

const PX_PER_UNIT: Record<string, number> = {
  px: 1,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  pt: 96 / 72,
  pc: 16,
};

/** `'297mm'` → 1122.52 (CSS px). Throws on anything that is not a plain absolute length. */
export function cssLengthToPx(length: string | number): number {
  if (typeof length === 'number') return length;
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(px|in|cm|mm|pt|pc)?\s*$/i.exec(length);
  if (!m) throw new Error(`Ukuran kertas tidak dikenali: "${length}" (contoh yang benar: 210mm, 8.5in, 612pt).`);
  return Number(m[1]) * (PX_PER_UNIT[(m[2] ?? 'px').toLowerCase()] ?? 1);
}

export function pxToPt(px: number): number {
  return px * PT_PER_PX;
}

export function ptToPx(pt: number): number {
  return pt / PT_PER_PX;
}

/** Rounded to 1/1000 pt: far below print precision, and keeps the PDF numbers short and stable. */
export function roundPt(pt: number): number {
  return Math.round(pt * 1000) / 1000;
}

/** A rectangle in PDF points, origin bottom-left of its page (what /Rect wants). */
export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A box measured in the page: CSS px relative to the top-left corner of its printed page. */
export interface CssBox {
  page: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Top-left CSS px → bottom-left PDF pt, given the real height of the printed PDF page. */
export function cssBoxToPdfRect(box: CssBox, pageHeightPt: number): PdfRect {
  const height = pxToPt(box.height);
  return {
    x: roundPt(pxToPt(box.left)),
    y: roundPt(pageHeightPt - pxToPt(box.top) - height),
    width: roundPt(pxToPt(box.width)),
    height: roundPt(height),
  };
}
