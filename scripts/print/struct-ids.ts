// Canonical names for the structure elements of a tagged PDF (issue 14).
//
// Chromium names the structure elements it gives an /ID (table header cells, which data cells
// point at through /Headers) after Blink's DOM node ids, `(node00000636)`. Blink hands those ids
// out lazily, to whichever part of the browser asks first, and once per page something numbers
// the element at the centre of the viewport ahead of the rest; which document that hits depends
// on timing. So the same SOP printed twice could get its ids, and with them the sorted /IDTree,
// in different orders. The ids are only names: they are replaced by their order in a depth-first
// walk of the structure tree, which depends on the document alone.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { PDFContext, PDFDocument, PDFObject } from 'pdf-lib';

const STRUCT_ID_PREFIX = 'node';

/** The dictionaries held by `value`: itself, or the members of an array, following references. */
function dictsOf(context: PDFContext, value: PDFObject | undefined): PDFDict[] {
  const v = value instanceof PDFRef ? context.lookup(value) : value;
  if (v instanceof PDFDict) return [v];
  if (v instanceof PDFArray) return v.asArray().flatMap((x) => dictsOf(context, x));
  return [];
}

/** The leaves of a name tree (ISO 32000 7.9.6), left to right. */
function nameTreeLeaves(context: PDFContext, node: PDFDict, seen = new Set<PDFDict>()): PDFDict[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const kids = dictsOf(context, node.get(PDFName.of('Kids')));
  return [...(node.has(PDFName.of('Names')) ? [node] : []), ...kids.flatMap((kid) => nameTreeLeaves(context, kid, seen))];
}

function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/**
 * Puts `entries` (sorted) back into the name tree in place: each leaf keeps its number of
 * entries and every node's /Limits is recomputed. Rebuilding the tree instead would drop
 * objects, and a hole in the xref table trips up pdfsig (see setInfo).
 */
function refillNameTree(context: PDFContext, node: PDFDict, entries: Array<[string, PDFObject]>, seen = new Set<PDFDict>()): [string, string] | undefined {
  if (seen.has(node)) return undefined;
  seen.add(node);
  const limits: string[] = [];
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    const mine = entries.splice(0, Math.floor(names.size() / 2));
    node.set(PDFName.of('Names'), context.obj(mine.flatMap(([name, value]) => [PDFString.of(name), value])));
    if (mine.length) limits.push(mine[0]![0], mine.at(-1)![0]);
  }
  for (const kid of dictsOf(context, node.get(PDFName.of('Kids')))) limits.push(...(refillNameTree(context, kid, entries, seen) ?? []));
  if (!limits.length) return undefined;
  const range: [string, string] = [limits[0]!, limits.at(-1)!];
  if (node.has(PDFName.of('Limits'))) node.set(PDFName.of('Limits'), context.obj(range.map((n) => PDFString.of(n))));
  return range;
}

/**
 * Renames every structure element /ID (and the /Headers that cite it) to `node00000001`,
 * `node00000002`… in pre-order of the structure tree, and re-sorts the /IDTree. Keeps the
 * `node` + 8 digits form Chromium uses.
 */
export function canonicalStructIds(doc: PDFDocument): void {
  const { context } = doc;
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const ID = PDFName.of('ID');
  const renamed = new Map<string, string>();
  const rename = (old: string) => {
    if (!renamed.has(old)) renamed.set(old, STRUCT_ID_PREFIX + String(renamed.size + 1).padStart(8, '0'));
    return renamed.get(old)!;
  };
  const idOf = (elem: PDFDict) => textOf(elem.lookup(ID));
  // Pre-order walk, children in /K order. Marked-content and object references (/MCR, /OBJR)
  // are leaves; `seen` guards against a malformed tree with cycles.
  const elements: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const stack = dictsOf(context, root.get(PDFName.of('K'))).reverse();
  while (stack.length) {
    const elem = stack.pop()!;
    if (seen.has(elem) || elem.has(PDFName.of('MCID')) || elem.has(PDFName.of('Obj'))) continue;
    seen.add(elem);
    elements.push(elem);
    const old = idOf(elem);
    if (old !== undefined) rename(old);
    stack.push(...dictsOf(context, elem.get(PDFName.of('K'))).reverse());
  }
  const idTree = root.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  const entries: Array<[string, PDFObject]> = [];
  for (const leaf of idTree ? nameTreeLeaves(context, idTree) : []) {
    const names = leaf.lookup(PDFName.of('Names'), PDFArray).asArray();
    for (let i = 0; i + 1 < names.length; i += 2) {
      const key = textOf(names[i]);
      if (key !== undefined) entries.push([key, names[i + 1]!]);
    }
  }
  // Ids of elements outside the tree (none in Chromium's output) follow, in their old order.
  for (const [old] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) rename(old);
  if (!renamed.size) return;

  const done = new Set<PDFArray>(); // attribute objects may be shared: rename each once
  for (const elem of elements) {
    const old = idOf(elem);
    if (old !== undefined) elem.set(ID, PDFString.of(rename(old)));
    for (const attributes of dictsOf(context, elem.get(PDFName.of('A')))) {
      const headers = attributes.lookupMaybe(PDFName.of('Headers'), PDFArray);
      if (!headers || done.has(headers)) continue;
      done.add(headers);
      headers.asArray().forEach((h, i) => {
        const old = textOf(h);
        if (old !== undefined) headers.set(i, PDFString.of(rename(old)));
      });
    }
  }
  if (idTree) {
    const sorted = entries.map(([old, value]): [string, PDFObject] => [rename(old), value]).sort(([a], [b]) => (a < b ? -1 : 1));
    refillNameTree(context, idTree, sorted);
  }
}
