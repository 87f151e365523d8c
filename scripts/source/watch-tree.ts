// Watching a folder and every folder below it, ready when the call returns. Node's own
// recursive fs.watch on Linux walks the tree asynchronously, so a save right after the start
// can go unseen; here each folder gets its own watcher before the function returns, and a
// folder created later is added when its parent reports it.
import { readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface TreeWatcher {
  close(): void;
}

/** Calls `onChange` with the path (relative to `root`, `/`-separated) of anything that changes. */
export function watchTree(root: string, onChange: (rel: string) => void): TreeWatcher {
  if (process.platform !== 'linux') {
    // Windows and macOS watch recursively in the kernel, ready at once.
    const w = watch(root, { recursive: true }, (_e, name) => onChange(name ? String(name).split(path.sep).join('/') : ''));
    return { close: () => w.close() };
  }
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    // Folders only: fs.watch also accepts a file, which would report its own changes a second time.
    if (watchers.has(dir) || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    let w: FSWatcher;
    try {
      w = watch(dir, (_event, name) => {
        const file = name ? path.join(dir, String(name)) : dir;
        add(file); // a new folder: watch it (and what it holds) too
        onChange(path.relative(root, file).split(path.sep).join('/'));
      });
    } catch {
      return; // not a folder, or gone already
    }
    w.on('error', () => {
      w.close();
      watchers.delete(dir);
    });
    watchers.set(dir, w);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // removed meanwhile
    }
    for (const e of entries) if (e.isDirectory()) add(path.join(dir, e.name));
  };
  add(root);
  return {
    close: () => {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
