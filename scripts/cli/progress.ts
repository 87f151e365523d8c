// Progress of long commands on stderr (stdout keeps the results). In a terminal: one line kept
// up to date with the stage, n/N, the current SOP and the time so far. Piped or in CI: one line
// per finished stage, never one per file (a log of 40 SOPs stays short). `--diam`: nothing.
// Hand-written: a carriage return and an erase-line code are all it needs, on every terminal
// Node supports (Windows Terminal and conhost too); a progress-bar library would add a
// dependency for less control over the piped form.
import { printable } from '../diagnostics/format.ts';
import type { Sop } from '../model/sop.ts';

export type ProgressMode = 'terminal' | 'baris' | 'diam';

export interface Progress {
  /** The n-th of `total` items of `stage` is done. */
  step(stage: string, done: number, total: number, item: string): void;
  /** A stage without steps (the check) finished, with what it did. */
  finished(stage: string, detail: string): void;
  /** Clears the terminal line before the results are printed. */
  clear(): void;
}

export function progressMode(options: { diam?: boolean | undefined; env: NodeJS.ProcessEnv; stderrTTY: boolean }): ProgressMode {
  if (options.diam) return 'diam';
  const ci = Boolean(options.env.CI && options.env.CI !== 'false') || options.env.GITHUB_ACTIONS === 'true' || Boolean(options.env.GITLAB_CI);
  return options.stderrTTY && !ci ? 'terminal' : 'baris';
}

/** `12,3 dtk`: the Indonesian decimal comma, as the other summaries write it. */
const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} dtk`;

export function createProgress(mode: ProgressMode, write: (s: string) => void = (s) => process.stderr.write(s), now: () => number = () => performance.now()): Progress {
  const started = now();
  // A stage runs from the end of the one before (the browser's start counts to printing).
  let stageStarted = started;
  let shown = false;
  return {
    step(stage, done, total, item) {
      if (mode === 'terminal') {
        // A file name may hold terminal escapes: shown as \u{…} (diagnostics/format.ts).
        write(`\r\x1b[2K${stage} ${done}/${total}  ${printable(item)}  (${seconds(now() - started)})`);
        shown = true;
      }
      if (done === total) this.finished(stage, `${total} selesai`);
    },
    finished(stage, detail) {
      const line = `${stage}: ${detail} dalam ${seconds(now() - stageStarted)}`;
      stageStarted = now();
      if (mode === 'diam') return;
      // In a terminal the updated line gives way to the finished stage's line, which stays.
      write(mode === 'terminal' ? `\r\x1b[2K${line}\n` : `${line}\n`);
      shown = false;
    },
    clear() {
      if (mode === 'terminal' && shown) write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** For buildPdfs' onProgress: the SOP's source path as the item. */
export function pdfSteps(progress: Progress, stage: string): (done: number, total: number, sop: Sop) => void {
  return (done, total, sop) => progress.step(stage, done, total, sop.path);
}
