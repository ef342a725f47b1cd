import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

export interface ExtensionManifest {
  publisher: string;
  name: string;
  version: string;
}

export function readManifest(extensionDir: string): ExtensionManifest {
  return JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8')) as ExtensionManifest;
}

/**
 * Installs an unpacked extension by copying it into an extensions directory as `<publisher>.<name>-<version>`,
 * the layout code-server scans at start-up. Replaces an earlier copy of the same version.
 */
export function installUnpackedExtension(extensionsDir: string, sourceDir: string): string {
  const manifest = readManifest(sourceDir);
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  cpSync(sourceDir, target, { recursive: true, dereference: true });
  return target;
}
