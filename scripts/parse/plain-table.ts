// The procedure table as officers almost always write it, read without micromark: every line a
// row from `|` to `|`, cells of plain text, as many cells in each row as in the header. It gives
// the very nodes and positions micromark gives (test/check/plain-table.test.ts compares them on
// random tables); any other block (escapes, entities, code, tabs, ragged rows, text around the
// table) returns undefined and goes to micromark. Loading and running micromark was most of a
// check's parse time, and all of the time to check the one file that changed.
import type { AlignType, Table, TableCell, TableRow } from 'mdast';
import type { Position } from 'unist';

/** Characters that start an inline construct the check's parser knows (escape, reference), or that micromark trims or splits on differently. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this excludes
const NOT_PLAIN = /[\\&`<\t\r\0-\x08\x0b-\x1f\x7f]/;
const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;

/** `lines`: one block of the body (no blank line inside), positions counted from its start. */
export function parsePlainTable(lines: readonly string[]): Table | undefined {
  if (lines.length < 2) return undefined;
  const pipes: number[][] = [];
  for (const line of lines) {
    if (line.length < 2 || line.charCodeAt(0) !== 124 || line.charCodeAt(line.length - 1) !== 124 || NOT_PLAIN.test(line)) return undefined;
    const at: number[] = [];
    for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) at.push(i);
    pipes.push(at);
  }
  const cells = pipes[0]!.length - 1;
  if (cells < 1 || pipes.some((p) => p.length - 1 !== cells)) return undefined;
  const align: AlignType[] = [];
  for (let c = 0; c < cells; c++) {
    const m = DELIMITER_CELL.exec(lines[1]!.slice(pipes[1]![c]! + 1, pipes[1]![c + 1]));
    if (!m) return undefined;
    align.push(m[1] ? (m[2] ? 'center' : 'left') : m[2] ? 'right' : null);
  }
  const rows: TableRow[] = [];
  let offset = 0;
  lines.forEach((line, l) => {
    const point = (column: number) => ({ line: l + 1, column: column + 1, offset: offset + column });
    const span = (from: number, to: number): Position => ({ start: point(from), end: point(to) });
    if (l !== 1) {
      const at = pipes[l]!;
      const children: TableCell[] = [];
      for (let c = 0; c < cells; c++) {
        let from = at[c]! + 1;
        let to = at[c + 1]!;
        while (from < to && line.charCodeAt(from) === 32) from++;
        while (to > from && line.charCodeAt(to - 1) === 32) to--;
        // A cell runs from its opening pipe to the next; the last one takes the closing pipe too.
        const cell = span(at[c]!, c === cells - 1 ? line.length : at[c + 1]!);
        children.push({ type: 'tableCell', children: from < to ? [{ type: 'text', value: line.slice(from, to), position: span(from, to) }] : [], position: cell });
      }
      rows.push({ type: 'tableRow', children, position: span(0, line.length) });
    }
    offset += line.length + 1;
  });
  const last = lines.at(-1)!;
  return { type: 'table', align, children: rows, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: last.length + 1, offset: offset - 1 } } };
}
