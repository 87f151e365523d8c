// Shared set-up of the PDF suites: check content (the repo's or in-memory), print it into a
// temporary output directory with one browser, and read the PDFs back with poppler.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPdfs, type BuiltPdf } from '../../scripts/pdf/build-pdfs.ts';
import type { Sop } from '../../scripts/model/sop.ts';
import { Printer } from '../../scripts/print/pool.ts';
import { fontDir } from '../../scripts/kit/fonts.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { checkContent, type CheckResult } from '../../scripts/validate/check-content.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `sop-${prefix}-`));
}

/** Checks content written from a map of `content/`-relative paths. */
export function checkFiles(files: Record<string, string>): CheckResult {
  const dir = tempDir('content');
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, 'content', rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return checkContent(readContent(ROOT, path.join(dir, 'content')), probeAsset);
}

export function sampleSops(): Sop[] {
  const result = checkContent(readContent(ROOT), probeAsset);
  if (!result.ok) throw new Error('sample content does not pass sop check');
  return result.sops;
}

export async function printAll(sops: Sop[], printer: Printer, outDir: string, force = false): Promise<BuiltPdf[]> {
  return buildPdfs(sops, { root: ROOT, outDir, force, printer: async () => printer });
}

export const launchPrinter = () => Printer.launch({ allowedDir: ROOT, extraDirs: [fontDir()] });

/** Text in content-stream order (`-raw`): table cells and list items stay in one piece. */
export function pdftotext(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' });
}

export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/** Collapse whitespace so wrapped table cells still match (also words wrapped after a hyphen). */
export const flat = (s: string) => s.replace(/\s+/g, ' ').replace(/- /g, '-');

/** The `sop` command of this checkout. */
export const SOP = path.join(ROOT, 'bin', 'sop.js');

/** A project in a temp folder: `files` under content/ (paths relative to it), the repo's layouts linked in. */
export function projectDir(prefix: string, files: Record<string, string>): string {
  const dir = tempDir(prefix);
  symlinkSync(path.join(ROOT, 'layouts'), path.join(dir, 'layouts'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'content', rel)), { recursive: true });
    writeFileSync(path.join(dir, 'content', rel), text);
  }
  return dir;
}

/** Runs `sop <args>` in `cwd` as an officer would (no colours), to its end. */
export const runSop = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [SOP, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

