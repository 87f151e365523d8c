import { fontDir } from '../kit/fonts.ts';
import { PACKAGE_ROOT } from '../model/paths.ts';

/** Beside the project, what the printer may read: sop-press's own layouts, and the fonts. */
export function packageDirs(): string[] {
  return [PACKAGE_ROOT, fontDir()];
}
