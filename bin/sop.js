#!/usr/bin/env node
// Entry point of `sop`. The pipeline is TypeScript run directly by Node's type stripping;
// its one-time "experimental" notice is noise for document officers, so it is filtered here.
const emit = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const text = typeof warning === 'string' ? warning : warning?.message ?? '';
  if (/type stripping/i.test(text)) return;
  return emit.call(process, warning, ...rest);
};
// Reuse V8's compiled code across runs (a no-op where unsupported): faster start for every command.
(await import('node:module')).enableCompileCache?.();
const { main } = await import('../scripts/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
