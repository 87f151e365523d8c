// Will `sop build` likely print? Yes when there are no PDFs yet, or a file under content/ or
// layouts/ was written after the PDFs shown were (their ledger was sealed). Asked as soon as the
// check has read content/ (whose newest time it reports), so the browser starts while the check
// runs: with one SOP changed, starting Chromium is most of the wait. Only a hint: what is printed
// is still decided by the hashes after the check, so a wrong guess costs one browser started for
// nothing, never a wrong PDF; with nothing written since the last build, no browser starts.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectDirs } from '../model/paths.ts';
import { ledgerFile } from '../output/vouch.ts';
import type { ContentSet } from '../source/content.ts';
import { entriesUnder } from '../kit/tree.ts';

/** `content`: what the check read (its newest modification time); layouts/ is looked at here. */
export function likelyToPrint(root: string, content: Pick<ContentSet, 'newestMs'>): boolean {
  const dirs = projectDirs(root);
  let since: number;
  try {
    since = statSync(ledgerFile(realpathSync(dirs.pdf))).mtimeMs;
  } catch {
    return true; // no PDFs (or none this version wrote): everything prints
  }
  if ((content.newestMs ?? Number.POSITIVE_INFINITY) > since) return true;
  let entries;
  try {
    entries = entriesUnder(dirs.layouts);
  } catch {
    return false;
  }
  for (const e of entries) {
    if (!e.isFile() && !e.isSymbolicLink()) continue;
    try {
      if (statSync(path.join(e.parentPath, e.name)).mtimeMs > since) return true;
    } catch {
      // gone meanwhile, or a dangling link: the check says so
    }
  }
  return false;
}
