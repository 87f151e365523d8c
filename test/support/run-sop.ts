// `sop` from the repository's bin/, as a child process: what the command-line tests run.
// Plain output (no colours, no GitHub annotations); the exit code, never a thrown error.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SOP_BIN = path.join(fileURLToPath(new URL('../../', import.meta.url)), 'bin', 'sop.js');

export interface SopRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `sop ...args` in `cwd`; `env` adds to this process's environment. */
export function runSop(cwd: string, args: string[], env: Record<string, string> = {}): Promise<SopRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SOP_BIN, ...args], { cwd, env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
