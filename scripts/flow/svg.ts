// One procedure page's flowchart as a self-contained SVG string, laid absolutely over the
// actor columns of the HTML table. Deterministic (same layout, same bytes) and free of
// external references, so it can be inlined in PDF pages and site pages alike.
import { escapeHtml as esc } from '../kit/escape.ts';
import { pentagon } from './geometry.ts';
import { LABEL_FONT_SIZE, lineHeight } from './labels.ts';
import type { TerminatorText } from './terminator-text.ts';
import type { Connector, PageLayout, PlacedSymbol, Point } from './types.ts';

export interface FlowSvgOptions {
  /** Arrowhead marker id; must be unique in the HTML document (many pages share one). */
  markerId?: string;
  /** Extra class on the root element. */
  className?: string;
  /** Font size of labels and off-page letters, px (labels were placed for LABEL_FONT_SIZE). */
  fontSize?: number;
  /** Words written inside terminator symbols ("Mulai" / "Selesai"), see terminator-text.ts. */
  terminatorText?: TerminatorText;
}

export function flowSvg(page: PageLayout, opts: FlowSvgOptions = {}): string {
  const marker = opts.markerId ?? 'sop-arrow';
  const fontSize = opts.fontSize ?? LABEL_FONT_SIZE;
  const cls = ['sop-flow', opts.className].filter(Boolean).join(' ');
  const w = num(page.width);
  const h = num(page.height);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="${esc(cls)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" overflow="visible" font-family="inherit" font-size="${num(fontSize)}">`,
    `<defs><marker id="${esc(marker)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1.5 L10,5 L0,8.5 Z" fill="#000"/></marker></defs>`,
  );
  out.push('<g class="sop-symbols" fill="#fff" stroke="#000" stroke-width="1">');
  for (const s of page.symbols) out.push(symbol(s, opts.terminatorText));
  out.push('</g>');
  out.push('<g class="sop-connectors" fill="none" stroke="#000" stroke-width="1">');
  for (const c of page.connectors) out.push(connector(c, marker));
  out.push('</g>');
  const labels = page.connectors.filter((c) => c.label !== undefined && c.labelAt);
  if (labels.length) {
    // A white halo keeps labels readable where they sit next to a line.
    out.push('<g class="sop-labels" fill="#000" stroke="#fff" stroke-width="2" paint-order="stroke">');
    for (const c of labels) out.push(label(c, fontSize));
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}

/** Off-page connector letters: 8 pt (px), the floor for text a reader must read (issue 20 item 4). */
export const LETTER_FONT_SIZE = 32 / 3;

function symbol(s: PlacedSymbol, words?: TerminatorText): string {
  const attrs = `class="sop-symbol" data-no="${esc(s.id)}" data-kind="${s.kind}"`;
  switch (s.kind) {
    case 'terminator': {
      const capsule = `<rect ${attrs} x="${num(s.x)}" y="${num(s.y)}" width="${num(s.width)}" height="${num(s.height)}" rx="${num(s.height / 2)}"/>`;
      const word = words?.words[s.id];
      if (!word) return capsule;
      return `${capsule}<text class="sop-terminator-text" x="${num(s.x + s.width / 2)}" y="${num(s.y + s.height / 2)}" font-size="${num(words.size)}" text-anchor="middle" dominant-baseline="central" fill="#000" stroke="none">${esc(word)}</text>`;
    }
    case 'process':
      return `<rect ${attrs} x="${num(s.x)}" y="${num(s.y)}" width="${num(s.width)}" height="${num(s.height)}"/>`;
    case 'decision': {
      const { x, y, width: w, height: h } = s;
      return `<polygon ${attrs} points="${pts([{ x: x + w / 2, y }, { x: x + w, y: y + h / 2 }, { x: x + w / 2, y: y + h }, { x, y: y + h / 2 }])}"/>`;
    }
    case 'offpage': {
      const text = s.text ?? s.id;
      // Letter centred in the box part of the pentagon, above the point.
      const tx = s.x + s.width / 2;
      const ty = s.y + s.height * 0.42;
      return `<g ${attrs}><polygon points="${pts(pentagon(s))}"/><text x="${num(tx)}" y="${num(ty)}" font-size="${num(LETTER_FONT_SIZE)}" text-anchor="middle" dominant-baseline="central" fill="#000" stroke="none">${esc(text)}</text></g>`;
    }
  }
}

function connector(c: Connector, marker: string): string {
  return `<polyline class="sop-connector" data-from="${esc(c.from)}" data-to="${esc(c.to)}" points="${pts(c.points)}" marker-end="url(#${esc(marker)})"/>`;
}

function label(c: Connector, fontSize: number): string {
  const at = c.labelAt!;
  const anchor = c.labelAnchor ?? 'start';
  const open = `<text class="sop-label" data-from="${esc(c.from)}" data-to="${esc(c.to)}" x="${num(at.x)}" y="${num(at.y)}" text-anchor="${anchor}">`;
  if (!c.labelLines) return `${open}${esc(c.label ?? '')}</text>`;
  // Two lines (see labels.ts): the second one a line height under the first.
  const dy = lineHeight(fontSize);
  return `${open}${c.labelLines.map((l, i) => `<tspan x="${num(at.x)}"${i ? ` dy="${num(dy)}"` : ''}>${esc(l)}</tspan>`).join('')}</text>`;
}

function pts(ps: Point[]): string {
  return ps.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
}

/** Two decimals, no trailing zeros, never `-0`. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r === 0 ? 0 : r);
}
