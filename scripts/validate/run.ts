// The check as the commands and the preview run it: read content/ from disk, validate it, and
// keep the files under the paths the user named. The one place where validation meets files.
import path from 'node:path';
import { probeAsset } from '../source/assets.ts';
import { readContent, type ContentSet } from '../source/content.ts';
import type { CheckResult } from './check-stages.ts';
import { CheckCache } from './check-cache.ts';
import { checkContentParallel, type CurrentCheck } from './check-parallel.ts';
import { projectDirs } from '../model/paths.ts';
import { trackedUnderSoon } from '../output/vouch.ts';

/** Runs the check over content/ on one thread, without the cache, and keeps only the files under the given paths. */
export async function runCheck(cwd: string, paths: string[] = []): Promise<{ result: CheckResult; shown: CheckResult['files'] }> {
  const { checkContent } = await import('./check-content.ts');
  return select(cwd, checkContent(readContent(cwd), probeAsset), paths);
}

/**
 * The same, on every core, reusing this machine's per-file outcomes of earlier runs
 * (output/.cache/check.bin, see check-cache.ts): what the commands use.
 */
export async function runCheckParallel(cwd: string, paths: string[] = [], options: RunOptions = {}): Promise<{ result: CheckResult; shown: CheckResult['files'] }> {
  const { set, cache } = await opened(cwd, options);
  const result = await checkContentParallel(set, probeAsset, undefined, cache);
  if (cache && (result.ok || !options.saveOnlyIfOk)) cache.save();
  return select(cwd, result, paths);
}

/**
 * The same over all of content/ with the cache, unless `current` says the check's fingerprint
 * (fingerprint.ts) is that of an outcome the caller already has: then it stops there, before a
 * result is decoded or a rule across files runs (a build whose PDFs were made from these inputs).
 */
export async function runCheckUnlessCurrent(cwd: string, current: (fingerprint: string) => boolean, options: Omit<RunOptions, 'cache'> = {}): Promise<CheckResult | CurrentCheck> {
  const { set, cache } = await opened(cwd, options);
  const result = await checkContentParallel(set, probeAsset, undefined, cache!, current); // opened with the cache: options cannot turn it off
  if (!('current' in result) && cache && (result.ok || !options.saveOnlyIfOk)) cache.save();
  return result;
}

/** content/ as read, and this machine's cache of earlier checks (unless `cache: false`). */
async function opened(cwd: string, options: RunOptions): Promise<{ set: ContentSet; cache?: CheckCache }> {
  // git says what it tracks under output/ (never trusted, vouch.ts) while content/ is read.
  const tracking = options.cache === false ? undefined : trackedUnderSoon(projectDirs(cwd).output);
  const set = readContent(cwd);
  options.onRead?.(set);
  await tracking;
  return tracking ? { set, cache: CheckCache.open(cwd) } : { set };
}

/**
 * The preview's check, on one thread: each run reuses the per-file outcomes of the one before (in
 * memory; the first starts from output/.cache/check.bin when this machine wrote it), so a save
 * re-checks the file saved and the rules across files, not all of content/.
 */
export async function runCheckAgain(cwd: string, previous?: CheckCache): Promise<{ result: CheckResult; cache: CheckCache }> {
  const cache = previous ? previous.next() : CheckCache.open(cwd);
  return { result: await checkContentParallel(readContent(cwd), probeAsset, 1, cache), cache };
}

export interface RunOptions {
  /** Called once content/ is read, before it is checked (cli/print-hint.ts starts the browser then). */
  onRead?: (set: ContentSet) => void;
  /** false: neither read nor write output/.cache/check.bin. */
  cache?: boolean;
  /** A build refused for errors leaves output/ as it was, the cache included. */
  saveOnlyIfOk?: boolean;
}

function select(cwd: string, result: CheckResult, paths: string[]): { result: CheckResult; shown: CheckResult['files'] } {
  const wanted = paths.map((p) => path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/').replace(/\/$/, ''));
  const shown = wanted.length
    ? result.files.filter((f) => wanted.some((w) => w === '' || f.path === w || f.path.startsWith(`${w}/`)))
    : result.files;
  return { result, shown };
}
