// Opening an Office Open XML package: the zip's parts and their XML, with limits so a hostile
// file (a zip bomb, a huge part) is refused instead of filling memory. Pure over bytes.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

/** A package part read as XML, or a reason it could not be. */
export class PackageError extends Error {}

const MAX_PART = 64 * 1024 * 1024;
const MAX_TOTAL = 256 * 1024 * 1024;

export type Parts = ReadonlyMap<string, Uint8Array>;

/** The parts of an OOXML package; only XML and relationship parts are inflated (images are not needed). */
export function readPackage(bytes: Uint8Array): Parts {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new PackageError('bukan berkas Office 2007+ (bukan arsip zip)');
  let total = 0;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > MAX_PART || total > MAX_TOTAL) throw new PackageError('isi berkas terlalu besar setelah dibuka');
        return true;
      },
    });
    return new Map(Object.entries(files));
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw new PackageError('arsip zip rusak');
  }
}

/** The root element of a part, or undefined when the package has no such part. */
export function xmlPart(parts: Parts, name: string): Element | undefined {
  const bytes = parts.get(name);
  if (!bytes) return undefined;
  const broken = () => new PackageError(`bagian ${name} bukan XML yang utuh`);
  let failed = false;
  let root: Element | null;
  try {
    root = new DOMParser({ onError: (level) => { if (level === 'fatalError') failed = true; } }).parseFromString(strFromU8(bytes), 'text/xml').documentElement;
  } catch {
    // xmldom throws its ParseError on fatal errors (unclosed tags, bad characters).
    throw broken();
  }
  if (failed || !root) throw broken();
  return root;
}

/** Relationship targets of a part (`word/document.xml` → its `_rels`), by id, as package paths. */
export function relationships(parts: Parts, part: string): Map<string, string> {
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const root = xmlPart(parts, `${dir}_rels/${part.slice(dir.length)}.rels`);
  const out = new Map<string, string>();
  if (!root) return out;
  for (const r of kids(root, 'Relationship')) {
    const id = attr(r, 'Id');
    const target = attr(r, 'Target');
    if (id && target) out.set(id, resolve(dir, target));
  }
  return out;
}

function resolve(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

// ---------------------------------------------------------------- element helpers (by local name: prefixes vary between writers)

export function kids(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (!name || (n as Element).localName === name)) out.push(n as Element);
  return out;
}

export const kid = (el: Element | undefined, name: string): Element | undefined => {
  if (!el) return undefined;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name) return n as Element;
  return undefined;
};

/** The first element at the end of a path of local names. */
export function path(el: Element | undefined, ...names: string[]): Element | undefined {
  let at = el;
  for (const n of names) at = kid(at, n);
  return at;
}

export function attr(el: Element | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    if ((a.localName ?? a.name) === name) return a.value;
  }
  return undefined;
}

export const numAttr = (el: Element | undefined, name: string): number | undefined => {
  const v = attr(el, name);
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** Every descendant with the given local name, in document order, not descending into `skip`. */
export function descendants(el: Element, name: string, skip: ReadonlySet<string> = new Set()): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const c = n as Element;
      if (c.localName === name) out.push(c);
      if (!skip.has(c.localName ?? "")) walk(c);
    }
  };
  walk(el);
  return out;
}

export const textOf = (el: Element | undefined): string => (el ? (el.textContent ?? '') : '');
