import { execFile } from 'node:child_process';
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
 * and returns where it is. Fails loudly: the real-editor tests must not be skipped silently.
 */
export function ensureCodeServer(): Promise<CodeServerInstall> {
  return new Promise((resolve, reject) => {
    execFile('bash', [installScript], { maxBuffer: 16 * 1024 * 1024, timeout: 20 * 60_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`Installing code-server failed: ${error.message}\n${stderr.slice(-4000)}`));
        return;
      }
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
