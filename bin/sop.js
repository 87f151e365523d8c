#!/usr/bin/env node
// Entry point of `sop`. The installed package runs JavaScript bundled at `npm pack`
// (dist/); sop-press's own repository runs its TypeScript sources through Node's type stripping.
// Nothing is imported before the Node version is checked: on a Node too old, the import itself
// would fail with an English stack trace instead of saying what to install.
import { existsSync } from 'node:fs';
import { nodeTooOld } from './node-floor.js';

const source = new URL('../scripts/cli/main.ts', import.meta.url);
const fromSource = existsSync(source);
const tooOld = nodeTooOld(process.versions.node, fromSource);
if (tooOld) {
  process.stderr.write(tooOld);
  process.exit(2);
}

if (fromSource) {
  // Type stripping's one-time "experimental" notice is noise for document officers.
  const emit = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    const text = typeof warning === 'string' ? warning : (warning?.message ?? '');
    if (/type stripping/i.test(text)) return;
    return emit.call(process, warning, ...rest);
  };
}
// A reader that went away (`sop check | head`) is not a failure of the command: it finishes its
// work, and what it would still print goes nowhere (instead of an English stack trace).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
}
// Reuse V8's compiled code across runs (a no-op where unsupported): faster start for every command.
(await import('node:module')).enableCompileCache?.();
const { main } = await import(fromSource ? source.href : new URL('../dist/cli/main.js', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
