// Which sets this process has shown (output/sets.ts commits them): a command that fails later
// (a full disk while writing the site) says which parts of output/ are already new, not that
// nothing changed.

const shown: string[] = [];

/** Records that `folder` (e.g. /x/output/pdf) now shows a new, complete set. */
export function noteShown(folder: string): void {
  shown.push(folder);
}

/** A mark to pass to shownSince. */
export function shownMark(): number {
  return shown.length;
}

/** Folders that got a new set since `mark`, each once, in order. */
export function shownSince(mark: number): string[] {
  return [...new Set(shown.slice(mark))];
}
