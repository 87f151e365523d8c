// Word 2003 drawings (VML: v:rect, v:roundrect, v:shape by its shape type, v:line), kept by files
// converted from .doc and by offices that never redrew their flowcharts. Read only where no
// DrawingML version exists (mc:Fallback is the same drawing again). Pure.
import type { Element } from '@xmldom/xmldom';
import type { Point, Shape, ShapeKind, Where } from './document.ts';
import { attr, descendants, kid, kids } from './ooxml.ts';

const EMU: Record<string, number> = { pt: 12700, in: 914400, cm: 360000, mm: 36000, px: 9525, emu: 1 };

/** A VML length (`12.5pt`, `1in`, `-3mm`); plain numbers are points as Word writes them. */
function length(v: string | undefined): number {
  const m = /^\s*(-?[\d.]+)\s*([a-z]*)\s*$/i.exec(v ?? '');
  return m ? Number(m[1]) * (EMU[m[2]!.toLowerCase()] ?? EMU.pt!) : 0;
}

const styleOf = (el: Element) =>
  new Map(
    (attr(el, 'style') ?? '')
      .split(';')
      .map((d) => d.split(':').map((x) => x.trim()))
      .filter((d) => d.length === 2 && d[0])
      .map(([k, v]) => [k!.toLowerCase(), v!]),
  );

/** Word's preset shape types (`#_x0000_t116` …) that are flowchart symbols, connectors or text boxes. */
const TYPES: Record<string, ShapeKind> = { '116': 'terminator', '176': 'terminator', '109': 'process', '110': 'decision', '4': 'decision', '177': 'offpage', '120': 'offpage', '32': 'line', '33': 'line', '34': 'line', '202': 'label' };

export interface VmlFrame {
  /** Where `mso-position-horizontal-relative` text/char/column measure from, and margin, and page (EMU, table frame). */
  text: number;
  margin: number;
  page: number;
  /** The anchor paragraph's row top. */
  top: number;
}

/** The shapes of one w:pict; `pageRelative` when one is placed from the page (its row is then a guess). */
export function readVml(pict: Element, frame: VmlFrame, table: number, where: Where): { shapes: Shape[]; pageRelative: boolean } {
  const shapes: Shape[] = [];
  let pageRelative = false;
  for (const el of kids(pict)) {
    const name = el.localName ?? '';
    if (!['rect', 'roundrect', 'shape', 'line', 'oval'].includes(name)) continue;
    const style = styleOf(el);
    const relH = style.get('mso-position-horizontal-relative') ?? 'text';
    const relV = style.get('mso-position-vertical-relative') ?? 'text';
    if (relV === 'page' || relV === 'margin') pageRelative = true;
    const ox = relH === 'page' ? frame.page : relH === 'margin' ? frame.margin : frame.text;
    const oy = frame.top;
    const textBox = kid(el, 'textbox');
    const text = textBox ? descendants(textBox, 't').map((t) => t.textContent ?? '').join('').trim() : '';
    const stroke = kid(el, 'stroke');
    if (name === 'line') {
      const [fx, fy] = (attr(el, 'from') ?? '0,0').split(',');
      const [tx, ty] = (attr(el, 'to') ?? '0,0').split(',');
      const from: Point = { x: ox + length(fx), y: oy + length(fy) };
      const to: Point = { x: ox + length(tx), y: oy + length(ty) };
      shapes.push({ kind: 'line', x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), w: Math.abs(to.x - from.x), h: Math.abs(to.y - from.y), text: '', from, to, arrowFrom: (attr(stroke, 'startarrow') ?? 'none') !== 'none', arrowTo: (attr(stroke, 'endarrow') ?? 'none') !== 'none', table, where });
      continue;
    }
    const type = /_x0000_t(\d+)$/.exec(attr(el, 'type') ?? '')?.[1];
    let kind: ShapeKind = name === 'roundrect' ? 'terminator' : name === 'rect' ? 'process' : name === 'oval' ? 'offpage' : (TYPES[type ?? ''] ?? 'other');
    if (kind === 'line') kind = 'other'; // a connector drawn as v:shape has a path, not two ends: not read
    if ((kind === 'process' || kind === 'label') && attr(el, 'stroked') === 'f' && text) kind = 'label';
    shapes.push({ kind, x: ox + length(style.get('margin-left') ?? style.get('left')), y: oy + length(style.get('margin-top') ?? style.get('top')), w: length(style.get('width')), h: length(style.get('height')), text, table, where });
  }
  return { shapes, pageRelative };
}
