// Packages the installed bundle carries as one file each (dist/vendor/<name>.cjs, built by
// bundle.js) and kit/lazy.ts loads from there: yaml is some seventy CommonJS files, ~14 ms to load
// one by one, which a check of one changed SOP paid on every run. Only packages without
// dependencies of their own, so no class exists twice (one copy here, one in node_modules).

/** @type {readonly string[]} */
export const VENDORED = ['yaml'];
