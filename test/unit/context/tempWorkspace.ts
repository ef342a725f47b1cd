// A real temporary folder for the context readers' tests: files written to disk, read back by the code under test.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export class TempWorkspace {
  readonly root: string;

  constructor() {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-context-'));
  }

  /** The absolute path of a workspace-relative POSIX path. */
  abs(relativePath: string): string {
    return path.join(this.root, ...relativePath.split('/'));
  }

  write(relativePath: string, content: string | Uint8Array): string {
    const file = this.abs(relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  mkdir(relativePath: string): string {
    const folder = this.abs(relativePath);
    fs.mkdirSync(folder, { recursive: true });
    return folder;
  }

  /** A symbolic link at `relativePath` whose target is `target` exactly as given (relative to the link's folder, or absolute). */
  link(relativePath: string, target: string): string {
    const file = this.abs(relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.symlinkSync(target, file);
    return file;
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
