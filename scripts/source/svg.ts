// An SVG logo, rebuilt from an allow-list: shapes, text, gradients, clipping, a few filters and
// plain CSS. Nothing is copied through: the file is parsed (a strict XML subset, no DTD or
// custom entities), and a new document is written from the allowed elements and attributes
// only, every value escaped. So no script, event handler, link, foreignObject, external
// reference or CSS url()/@import can reach a PDF or the site, whatever the file held. What was
// removed is listed, so `sop check` can tell the officer. Pure.
//
// Why sanitize and not rasterise: the logo stays vector (sharp in print), `sop check` needs no
// browser to judge it (fast, deterministic, positioned messages), and the output is built only
// from parts this module understands, so a feature it does not know is dropped, not trusted.

export type SanitizedSvg =
  | { ok: true; bytes: Uint8Array; removed: string[] }
  /** `notSvg`: the bytes are not an SVG at all (so not an image we know). */
  | { ok: false; reason: string; notSvg?: boolean };

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements kept (local names, as SVG spells them). */
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'switch', 'title', 'desc', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
  'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker', 'image',
  'filter', 'feGaussianBlur', 'feOffset', 'feBlend', 'feColorMatrix', 'feComposite', 'feFlood', 'feMerge', 'feMergeNode', 'feMorphology',
]);
/** Removed with everything inside, silently: editor data, not drawing. */
const DROP_QUIETLY = new Set(['metadata', 'sodipodi:namedview']);
/** Removed with everything inside, and reported. */
const DROP_LOUDLY = new Set(['script', 'foreignObject', 'iframe', 'embed', 'object', 'audio', 'video', 'handler', 'listener', 'animate', 'set', 'animateMotion', 'animateTransform', 'feImage', 'a']);
/** Elements that draw something: a logo without one is empty. */
const DRAWS = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'image', 'use']);
/** Elements whose text content is kept. */
const TEXT = new Set(['text', 'tspan', 'title', 'desc', 'style']);

const ATTRIBUTES = new Set([
  'id', 'class', 'style', 'transform', 'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr',
  'width', 'height', 'points', 'viewBox', 'preserveAspectRatio', 'version', 'pathLength',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit',
  'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color', 'display', 'visibility', 'overflow',
  'clip-path', 'clip-rule', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'markerWidth', 'markerHeight', 'refX', 'refY', 'orient', 'markerUnits',
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'offset', 'stop-color', 'stop-opacity',
  'patternUnits', 'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits',
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch', 'text-anchor', 'dominant-baseline',
  'alignment-baseline', 'baseline-shift', 'letter-spacing', 'word-spacing', 'text-decoration', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust',
  'xml:space', 'isolation', 'mix-blend-mode', 'paint-order', 'vector-effect', 'shape-rendering', 'image-rendering', 'text-rendering',
  'color-interpolation', 'color-interpolation-filters', 'stdDeviation', 'in', 'in2', 'result', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4',
  'values', 'type', 'flood-color', 'flood-opacity', 'radius', 'filterUnits', 'primitiveUnits', 'enable-background',
  'href', 'xlink:href',
]);

/** CSS that can fetch or run: url() to anything but `#id`, @import/@font-face, escapes, old IE/Gecko hooks. */
function cssProblem(css: string): string | undefined {
  const lower = css.toLowerCase();
  if (lower.includes('\\')) return 'CSS dengan karakter escape';
  if (/@[a-z-]/.test(lower)) return `CSS ${/@[a-z-]+/.exec(lower)![0]}`;
  if (/expression\s*\(|-moz-binding|behavior\s*:|javascript:|image-set\s*\(|image\s*\(|cross-fade\s*\(|element\s*\(/.test(lower)) return 'CSS yang menjalankan program atau memuat gambar';
  for (const m of lower.matchAll(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/g)) if (!/^#[\w.:-]+$/.test(m[2]!.trim())) return `CSS url(${m[2]!.trim()})`;
  if (/url\s*\(/.test(lower.replace(/url\s*\(\s*(['"]?)#[\w.:-]+\1\s*\)/g, ''))) return 'CSS url()';
  return undefined;
}

interface Node {
  name: string;
  attrs: Array<[string, string]>;
  children: Array<Node | string>;
  line: number;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlError extends Error {}

/** Decodes the five XML entities and character references; undefined for any other entity or a bare `&`. */
function decodeEntities(text: string): string | undefined {
  let ok = true;
  const out = text.replace(/&(?:(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);)?/g, (_, ref: string | undefined) => {
    if (ref === undefined) ok = false;
    else if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
      ok = false;
    } else if (PREDEFINED[ref] !== undefined) return PREDEFINED[ref];
    else ok = false;
    return '';
  });
  return ok ? out : undefined;
}

const MAX_DEPTH = 200;

/** A strict subset of XML: elements, attributes, text, CDATA, comments, PIs, one DOCTYPE (skipped). */
function parse(text: string): Node {
  let at = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = at; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    at = to;
  };
  const root: Node = { name: '#document', attrs: [], children: [], line: 1 };
  const stack: Node[] = [root];
  const skipTo = (end: string, what: string) => {
    const i = text.indexOf(end, at);
    if (i < 0) throw new XmlError(`${what} tidak ditutup (baris ${line})`);
    advance(i + end.length);
  };
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const top = stack[stack.length - 1]!;
    if (lt !== at) {
      const end = lt < 0 ? text.length : lt;
      const raw = text.slice(at, end);
      if (stack.length === 1) {
        if (raw.trim()) throw new XmlError(`teks di luar elemen <svg> (baris ${line})`);
      } else top.children.push(decodeEntities(raw) ?? '');
      advance(end);
      continue;
    }
    if (text.startsWith('<!--', at)) skipTo('-->', 'Komentar');
    else if (text.startsWith('<![CDATA[', at)) {
      const i = text.indexOf(']]>', at);
      if (i < 0) throw new XmlError(`CDATA tidak ditutup (baris ${line})`);
      if (stack.length > 1) top.children.push(text.slice(at + 9, i));
      advance(i + 3);
    } else if (text.startsWith('<?', at)) skipTo('?>', 'Instruksi <?');
    else if (/^<!DOCTYPE/i.test(text.slice(at, at + 9))) {
      if (stack.length > 1 || root.children.length) throw new XmlError(`DOCTYPE di tengah berkas (baris ${line})`);
      // An internal subset ([ … ]) is skipped whole: its entities are never expanded.
      const bracket = text.indexOf('[', at);
      const close = text.indexOf('>', at);
      if (close < 0) throw new XmlError('DOCTYPE tidak ditutup');
      if (bracket >= 0 && bracket < close) {
        const end = text.indexOf(']', bracket);
        if (end < 0) throw new XmlError('DOCTYPE tidak ditutup');
        advance(end);
      }
      skipTo('>', 'DOCTYPE');
    } else if (text[at + 1] === '/') {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(text.slice(at, at + 300));
      if (!m) throw new XmlError(`tag penutup rusak (baris ${line})`);
      if (stack.length === 1 || top.name !== m[1]) throw new XmlError(`tag penutup </${m[1]}> tidak cocok (baris ${line})`);
      stack.pop();
      advance(at + m[0].length);
    } else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 300));
      if (!name) throw new XmlError(`tanda "<" yang bukan tag (baris ${line})`);
      const node: Node = { name: name[1]!, attrs: [], children: [], line };
      advance(at + name[0].length);
      const attr = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')|\s*(\/?>)/y;
      for (;;) {
        attr.lastIndex = at;
        const m = attr.exec(text);
        if (!m) throw new XmlError(`atribut rusak pada <${node.name}> (baris ${line})`);
        advance(attr.lastIndex);
        if (m[4]) {
          if (stack.length === 1 && root.children.length) throw new XmlError(`lebih dari satu elemen akar (baris ${node.line})`);
          top.children.push(node);
          if (m[4] === '>') {
            stack.push(node);
            if (stack.length > MAX_DEPTH) throw new XmlError(`elemen bersarang lebih dari ${MAX_DEPTH} tingkat`);
          }
          break;
        }
        if (node.attrs.some(([n]) => n === m[1])) throw new XmlError(`atribut ${m[1]} ganda (baris ${line})`);
        node.attrs.push([m[1]!, m[2] ?? m[3] ?? '']);
      }
    }
  }
  if (stack.length > 1) throw new XmlError(`elemen <${stack[stack.length - 1]!.name}> tidak ditutup`);
  const top = root.children[0];
  if (typeof top !== 'object') throw new XmlError('tidak ada elemen');
  return top;
}

const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
const escapeAttr = (s: string) => s.replace(/[&<>"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!);

/** `data:image/png;base64,…` or JPEG, whose bytes are a checked image: the one non-local href kept. */
function embeddedImage(value: string, check: (bytes: Uint8Array) => boolean): string | undefined {
  const m = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)$/i.exec(value.trim());
  if (!m) return undefined;
  const bytes = Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64');
  return check(new Uint8Array(bytes)) ? `data:image/${m[1]!.toLowerCase()};base64,${bytes.toString('base64')}` : undefined;
}

/**
 * Parses and rebuilds an SVG. `checkEmbedded` judges a raster image embedded as a data: URL
 * (PNG or JPEG, see image.ts); without it, embedded images are removed.
 */
export function sanitizeSvg(bytes: Uint8Array, checkEmbedded: (bytes: Uint8Array) => boolean = () => false): SanitizedSvg {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, reason: 'bukan teks UTF-8', notSvg: true };
  }
  if (!/<svg[\s>/]/.test(text.slice(0, 64 * 1024))) return { ok: false, reason: 'bukan SVG', notSvg: true };
  let tree: Node;
  try {
    tree = parse(text);
  } catch (e) {
    if (e instanceof XmlError) return { ok: false, reason: `berkas SVG rusak: ${e.message}` };
    throw e;
  }
  if (tree.name !== 'svg') return { ok: false, reason: `berkas SVG rusak: elemen akar <${tree.name}>, bukan <svg>` };
  const removed = new Set<string>();
  let draws = false;
  const write = (node: Node): string => {
    const local = node.name;
    if (DROP_QUIETLY.has(local) || (local.includes(':') && !ELEMENTS.has(local))) return '';
    if (DROP_LOUDLY.has(local)) {
      removed.add(local === 'a' ? 'tautan <a>' : `<${local}>`);
      // A link's content is still drawing: keep it, without the link.
      return local === 'a' ? node.children.map((c) => (typeof c === 'string' ? '' : write(c))).join('') : '';
    }
    if (!ELEMENTS.has(local)) return '';
    if (DRAWS.has(local)) draws = true;
    let attrs = '';
    for (const [name, raw] of node.attrs) {
      if (/^on/i.test(name.replace(/^.*:/, ''))) {
        removed.add(`atribut ${name}`);
        continue;
      }
      if (!ATTRIBUTES.has(name)) continue;
      const value = decodeEntities(raw);
      if (value === undefined) continue;
      if (name === 'href' || name === 'xlink:href') {
        const v = value.trim();
        const kept = /^#[\w.:-]+$/.test(v) ? v : local === 'image' ? embeddedImage(v, checkEmbedded) : undefined;
        if (kept === undefined) {
          if (v) removed.add(/^javascript:/i.test(v) ? 'alamat javascript:' : `rujukan ke ${v.length > 60 ? `${v.slice(0, 57)}…` : v}`);
          continue;
        }
        attrs += ` href="${escapeAttr(kept)}"`;
        continue;
      }
      const css = name === 'style' || /url\s*\(|[\\@]/i.test(value) ? cssProblem(value) : undefined;
      if (css) {
        removed.add(css);
        continue;
      }
      attrs += ` ${name}="${escapeAttr(value)}"`;
    }
    if (local === 'svg' && node === tree) attrs = ` xmlns="${SVG_NS}"${attrs}`;
    if (local === 'image' && !/ href="/.test(attrs)) return '';
    if (local === 'style') {
      const css = node.children.filter((c): c is string => typeof c === 'string').join('');
      const problem = cssProblem(css);
      if (problem) removed.add(problem);
      return problem || !css.trim() ? '' : `<style>${escapeText(css)}</style>`;
    }
    let inner = '';
    for (const child of node.children) inner += typeof child !== 'string' ? write(child) : TEXT.has(local) ? escapeText(child) : '';
    return inner ? `<${local}${attrs}>${inner}</${local}>` : `<${local}${attrs}/>`;
  };
  const out = write(tree);
  if (!draws) return { ok: false, reason: 'berkas SVG tidak berisi gambar (tidak ada bentuk atau teks yang dapat digambar)' };
  return { ok: true, bytes: new TextEncoder().encode(`${out}\n`), removed: [...removed].sort() };
}
