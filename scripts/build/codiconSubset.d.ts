// Types of codiconSubset.js (plain CommonJS, loaded by esbuild.js), for the tests and harnesses written in TypeScript.
import type { Plugin } from 'esbuild';

export interface CodiconSubset {
  /** The package's CSS with only the listed icons' rules; its @font-face points at `./codicon.ttf?<content hash>`. */
  css: string;
  /** codicon.ttf with only the listed icons' glyphs. */
  font: Buffer;
  /** Each listed name's codepoint, as the package's CSS gives it. */
  codepoints: Map<string, number>;
}

export function codiconSubsetPlugin(options?: { namesFile?: string; cssFile?: string; fontFile?: string }): Plugin;
export function buildCodiconSubset(input: { names: readonly string[]; css: string; font: Uint8Array }): Promise<CodiconSubset>;
export function readCodiconNames(file?: string): string[];
export function codiconCodepoints(css: string): Map<string, number>;
export const codiconNamesFile: string;
export const codiconsCssFile: string;
export const codiconsFontFile: string;
