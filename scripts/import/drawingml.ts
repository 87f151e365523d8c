// DrawingML shapes as Word and Excel store them (wps:wsp, xdr:sp, xdr:cxnSp, groups): kind by
// preset geometry, box, text, and for lines their end points after rotation and flips and which
// ends carry an arrowhead. Pure: an element and the frame it sits in, out comes Shape.
import type { Element } from '@xmldom/xmldom';
import type { Shape, ShapeKind, Where } from './document.ts';
import { attr, descendants, kid, kids, numAttr, path } from './ooxml.ts';

/** Maps a shape's coordinates (its parent's, EMU) into the table frame. */
export interface Frame {
  ox: number;
  oy: number;
  sx: number;
  sy: number;
  /** Child offset subtracted before scaling (groups' a:chOff). */
  cx: number;
  cy: number;
}

export const translate = (x: number, y: number): Frame => ({ ox: x, oy: y, sx: 1, sy: 1, cx: 0, cy: 0 });

const apply = (f: Frame, x: number, y: number) => ({ x: f.ox + (x - f.cx) * f.sx, y: f.oy + (y - f.cy) * f.sy });

const KINDS: Record<string, ShapeKind> = {
  flowChartTerminator: 'terminator',
  roundRect: 'terminator',
  flowChartAlternateProcess: 'terminator',
  flowChartProcess: 'process',
  rect: 'process',
  flowChartDecision: 'decision',
  diamond: 'decision',
  flowChartOffpageConnector: 'offpage',
  homePlate: 'offpage',
  flowChartConnector: 'offpage',
  line: 'line',
  straightConnector1: 'line',
  bentConnector2: 'line',
  bentConnector3: 'line',
  bentConnector4: 'line',
  bentConnector5: 'line',
  curvedConnector3: 'line',
};

/** Text of a shape: Word's text box paragraphs or DrawingML's a:p, one line each. */
function shapeText(el: Element): string {
  const paras = [...descendants(el, 'txbxContent').flatMap((t) => descendants(t, 'p')), ...kids(kid(el, 'txBody') ?? el, 'p')];
  return paras
    .map((p) => descendants(p, 't').map((t) => t.textContent ?? '').join(''))
    .filter((t) => t.trim())
    .join('\n')
    .trim();
}

const noLine = (spPr: Element | undefined) => Boolean(kid(kid(spPr, 'ln'), 'noFill'));
const arrow = (end: Element | undefined) => Boolean(end && (attr(end, 'type') ?? 'none') !== 'none');

/**
 * One shape (`wps:wsp`, `xdr:sp`, `xdr:cxnSp`) whose own a:xfrm is in `frame`'s child space;
 * `box` overrides that when the container gives the box (a Word anchor's extent).
 */
export function readShape(el: Element, frame: Frame, table: number, where: Where, box?: { x: number; y: number; w: number; h: number }): Shape {
  const spPr = kid(el, 'spPr');
  const xfrm = kid(spPr, 'xfrm');
  const off = kid(xfrm, 'off');
  const ext = kid(xfrm, 'ext');
  const lx = box?.x ?? numAttr(off, 'x') ?? 0;
  const ly = box?.y ?? numAttr(off, 'y') ?? 0;
  const lw = box?.w ?? numAttr(ext, 'cx') ?? 0;
  const lh = box?.h ?? numAttr(ext, 'cy') ?? 0;
  const p0 = apply(frame, lx, ly);
  const p1 = apply(frame, lx + lw, ly + lh);
  const x = Math.min(p0.x, p1.x);
  const y = Math.min(p0.y, p1.y);
  const w = Math.abs(p1.x - p0.x);
  const h = Math.abs(p1.y - p0.y);
  const prst = attr(kid(spPr, 'prstGeom'), 'prst') ?? '';
  const connector = el.localName === 'cxnSp' || Boolean(kid(el, 'cNvCnPr'));
  const text = shapeText(el);
  const txBox = attr(kid(el, 'cNvSpPr') ?? path(el, 'nvSpPr', 'cNvSpPr'), 'txBox') === '1';
  let kind: ShapeKind = connector ? 'line' : (KINDS[prst] ?? 'other');
  if ((kind === 'process' || kind === 'other' || txBox) && !connector && noLine(spPr) && text) kind = 'label';
  else if (txBox && text && kind === 'other') kind = 'label';
  const shape: Shape = { kind, x, y, w, h, text, table, where };
  const id = attr(path(el, 'nvSpPr', 'cNvPr') ?? path(el, 'nvCxnSpPr', 'cNvPr'), 'id');
  if (id) shape.id = id;
  if (kind === 'line') {
    // Ends of the path before rotation: top-left to bottom-right of the box, flipped.
    const flipH = attr(xfrm, 'flipH') === '1' || attr(xfrm, 'flipH') === 'true';
    const flipV = attr(xfrm, 'flipV') === '1' || attr(xfrm, 'flipV') === 'true';
    const rot = ((numAttr(xfrm, 'rot') ?? 0) / 60000) * (Math.PI / 180);
    const c = { x: x + w / 2, y: y + h / 2 };
    const end = (sx: number, sy: number) => {
      const dx = (sx * w) / 2 * (flipH ? -1 : 1);
      const dy = (sy * h) / 2 * (flipV ? -1 : 1);
      return { x: c.x + dx * Math.cos(rot) - dy * Math.sin(rot), y: c.y + dx * Math.sin(rot) + dy * Math.cos(rot) };
    };
    shape.from = end(-1, -1);
    shape.to = end(1, 1);
    const ln = kid(spPr, 'ln');
    shape.arrowFrom = arrow(kid(ln, 'headEnd'));
    shape.arrowTo = arrow(kid(ln, 'tailEnd'));
    const cxn = path(el, 'nvCxnSpPr', 'cNvCxnSpPr');
    const st = attr(kid(cxn, 'stCxn'), 'id');
    const en = attr(kid(cxn, 'endCxn'), 'id');
    if (st) shape.startId = st;
    if (en) shape.endId = en;
  }
  return shape;
}

/**
 * A group (`wpg:wgp`, `xdr:grpSp`) or canvas (`wpc:wpc`): its children in its own coordinate
 * space (a:chOff / a:chExt against a:off / a:ext), mapped through `frame`.
 */
export function readGroup(el: Element, frame: Frame, table: number, where: Where, box?: { x: number; y: number; w: number; h: number }): Shape[] {
  const xfrm = kid(kid(el, 'grpSpPr'), 'xfrm');
  let inner = frame;
  if (xfrm) {
    const off = kid(xfrm, 'off');
    const ext = kid(xfrm, 'ext');
    const chOff = kid(xfrm, 'chOff');
    const chExt = kid(xfrm, 'chExt');
    const x = box?.x ?? numAttr(off, 'x') ?? 0;
    const y = box?.y ?? numAttr(off, 'y') ?? 0;
    const w = box?.w ?? numAttr(ext, 'cx') ?? 0;
    const h = box?.h ?? numAttr(ext, 'cy') ?? 0;
    const cw = numAttr(chExt, 'cx') || w || 1;
    const ch = numAttr(chExt, 'cy') || h || 1;
    const o = apply(frame, x, y);
    inner = { ox: o.x, oy: o.y, sx: (frame.sx * w) / cw, sy: (frame.sy * h) / ch, cx: numAttr(chOff, 'x') ?? 0, cy: numAttr(chOff, 'y') ?? 0 };
  } else if (box) {
    inner = { ...frame, ox: apply(frame, box.x, box.y).x, oy: apply(frame, box.x, box.y).y };
  }
  return shapesIn(el, inner, table, where);
}

/** The shapes directly inside a container element (graphicData, group, canvas, drawing). */
export function shapesIn(el: Element, frame: Frame, table: number, where: Where): Shape[] {
  const out: Shape[] = [];
  for (const c of kids(el)) {
    const n = c.localName;
    if (n === 'wsp' || n === 'sp' || n === 'cxnSp') out.push(readShape(c, frame, table, where));
    else if (n === 'wgp' || n === 'grpSp' || n === 'wpc') out.push(...readGroup(c, frame, table, where));
  }
  return out;
}
