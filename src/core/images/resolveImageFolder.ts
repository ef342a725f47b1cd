// Where generated images go (docs/images.md): `switchboard.images.folder`, always inside the workspace folder. The
// setting is a relative path (either slash, so a synced setting works on every OS); an absolute path, a drive
// letter, `~`, a `..` that climbs out, or an existing part of the path that is a symbolic link leading outside
// (checked with `realpath` of the deepest part that exists) is refused with the reason. Nothing is created here.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const defaultImageFolder = 'assets/generated';

export type ImageFolderResolution =
  | {
      ok: true;
      /** Absolute, under the workspace root as given (not symlink-resolved). */
      folder: string;
      /** Relative to the workspace root, with forward slashes (`''` for the root itself). */
      relativeFolder: string;
    }
  | { ok: false; reason: string };

const setting = '“switchboard.images.folder”';
const windowsReserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export async function resolveImageFolder(workspaceRoot: string, folderSetting: string | undefined): Promise<ImageFolderResolution> {
  const raw = (folderSetting ?? '').trim();
  const value = raw === '' ? defaultImageFolder : raw;
  const refuse = (why: string): ImageFolderResolution => ({
    ok: false,
    reason: `${setting} must be a folder inside the workspace, like ${defaultImageFolder}: “${value}” ${why}.`,
  });

  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f]/.test(value)) return refuse('contains control characters');
  if (value.startsWith('/') || value.startsWith('\\')) return refuse('is an absolute path');
  if (/^[A-Za-z]:/.test(value)) return refuse('starts with a drive letter');
  if (value.startsWith('~')) return refuse('starts with ~ (home folders are outside the workspace)');
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) return refuse('is a URL');

  const segments: string[] = [];
  for (const segment of value.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return refuse('leads outside the workspace');
      segments.pop();
      continue;
    }
    if (/[<>:"|?*]/.test(segment)) return refuse(`has a folder name with a character Windows does not allow (“${segment}”)`);
    if (/[. ]$/.test(segment)) return refuse(`has a folder name ending in a dot or a space (“${segment}”)`);
    if (windowsReserved.test(segment)) return refuse(`uses a name Windows reserves for devices (“${segment}”)`);
    segments.push(segment);
  }

  if (!path.isAbsolute(workspaceRoot)) return { ok: false, reason: `The workspace folder “${workspaceRoot}” is not an absolute path.` };
  let realRoot: string;
  try {
    realRoot = await fs.realpath(workspaceRoot);
  } catch {
    return { ok: false, reason: `The workspace folder “${workspaceRoot}” cannot be read.` };
  }

  const folder = path.join(workspaceRoot, ...segments);
  const existing = await deepestExisting(folder, workspaceRoot);
  if (existing !== undefined && existing !== workspaceRoot) {
    let real: string;
    try {
      real = await fs.realpath(existing);
    } catch {
      return refuse(`goes through a symbolic link that leads nowhere (“${toSlashes(path.relative(workspaceRoot, existing))}”)`);
    }
    if (!isInside(realRoot, real)) {
      return refuse(
        `leads outside the workspace through a symbolic link (“${toSlashes(path.relative(workspaceRoot, existing))}” is really ${real})`,
      );
    }
    const stat = await fs.stat(real);
    if (!stat.isDirectory()) return refuse(`goes through “${toSlashes(path.relative(workspaceRoot, existing))}”, which is a file`);
  }
  return { ok: true, folder, relativeFolder: segments.join('/') };
}

/** Whether `child` is `parent` or inside it (both absolute, already normalized). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  if (relative === '') return true;
  return relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}

/** The deepest of `target` and its ancestors (down to `root`) that exists, as a link or otherwise. */
async function deepestExisting(target: string, root: string): Promise<string | undefined> {
  let current = target;
  for (;;) {
    try {
      await fs.lstat(current);
      return current;
    } catch {
      // Does not exist (or cannot be seen): look at its parent.
    }
    if (current === root) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}
