import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface CodeServerInstall {
  /** The Node 24 binary code-server must run with. */
  nodeBin: string;
  /** code-server's `out/node/entry.js`. */
  entry: string;
  root: string;
}

const installScript = path.join(__dirname, 'install-code-server.sh');

/**
 * Makes sure code-server is installed in the cache (installing it takes minutes the first time, nothing after)
 * and returns where it is. Fails loudly: the real-editor tests must not be skipped silently. While a first install
 * runs, each step it starts and a heartbeat every 20 s (with the time so far) go to `progress`.
 */
export function ensureCodeServer(progress: (line: string) => void = (line) => console.error(line)): Promise<CodeServerInstall> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const elapsed = (): string => {
      const seconds = Math.round((Date.now() - started) / 1000);
      return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
    };
    let step = '';
    let stdout = '';
    let stderrTail = '';
    const child = spawn('bash', [installScript], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Nothing is said when code-server is already cached (the script then prints only where it is).
    const heartbeat = setInterval(() => {
      if (step !== '') progress(`[code-server] still working (${elapsed()} so far): ${step}`);
    }, 20_000);
    const timeout = setTimeout(() => child.kill('SIGTERM'), 20 * 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-4000);
      for (const line of chunk.split('\n')) {
        const announced = /^\[install-code-server\] (.+)$/.exec(line.trim());
        if (announced?.[1] === undefined) continue;
        step = announced[1];
        progress(`[code-server] ${step} (${elapsed()} so far)`);
      }
    });
    child.on('close', (code, signal) => {
      clearInterval(heartbeat);
      clearTimeout(timeout);
      if (code !== 0) {
        reject(new Error(`Installing code-server failed (${signal ?? `exit ${code}`}) after ${elapsed()}\n${stderrTail}`));
        return;
      }
      if (step !== '') progress(`[code-server] installed in ${elapsed()}`);
      const root = stdout.trim().split('\n').pop() ?? '';
      const install: CodeServerInstall = {
        root,
        nodeBin: path.join(root, 'node24', 'bin', 'node'),
        entry: path.join(root, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
      };
      if (!existsSync(install.nodeBin) || !existsSync(install.entry)) {
        reject(new Error(`code-server install in ${root} is incomplete (missing ${install.nodeBin} or ${install.entry})`));
        return;
      }
      resolve(install);
    });
  });
}
