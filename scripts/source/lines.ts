// Offset → line/column for a text, by binary search over line starts.
import type { Place, Point } from '../diagnostics/report.ts';

export class LineIndex {
  readonly starts: number[];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /**
   * The range from `start` to `end` (offsets, end exclusive), without the line breaks and
   * spaces YAML counts into a value's range; a point when nothing is left.
   */
  span(start: number, end: number): Place {
    let e = Math.min(end, this.text.length);
    while (e > start && /\s/.test(this.text[e - 1]!)) e--;
    return e > start ? { start: this.place(start), end: this.place(e) } : this.place(start);
  }

  place(offset: number): Point {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}
