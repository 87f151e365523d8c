// The lowest Node.js each way of running sop-press works on, checked before anything else is
// imported. Plain JavaScript without dependencies, so that any Node can read it.

/** Installed package (compiled JavaScript): what puppeteer-core needs; tested in test/package. */
export const PACKAGE_FLOOR = '22.12.0';
/** sop-press's own repository (TypeScript sources): the first releases that strip types unflagged. */
export const SOURCE_FLOOR = '22.18.0';

/**
 * An Indonesian message saying what to install when `version` cannot run sop-press, else undefined.
 * @param {string} version process.versions.node
 * @param {boolean} fromSource running the repository's .ts sources
 * @returns {string | undefined}
 */
export function nodeTooOld(version, fromSource) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const ok = fromSource ? (major === 22 && minor >= 18) || (major === 23 && minor >= 6) || major >= 24 : (major === 22 && minor >= 12) || major >= 23;
  if (ok) return undefined;
  const floor = (fromSource ? SOURCE_FLOOR : PACKAGE_FLOOR).replace(/\.0$/, '');
  return (
    `Galat: sop-press memerlukan Node.js ${floor} atau yang lebih baru; yang terpasang Node.js ${version}.\n` +
    'Saran: pasang Node.js 24 LTS dari https://nodejs.org (atau "nvm install 24"), lalu jalankan perintah ini lagi.\n'
  );
}
