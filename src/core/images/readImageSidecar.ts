// Reads the sidecar `<same name>.json` next to an image (writeImageFiles.ts), for a variation (the same prompt and
// model, a new seed) or to follow a chain of edits back. A missing, oversized, unreadable-as-JSON or ill-typed
// sidecar is `undefined`: it is a hint, never trusted beyond its shape (its values are only offered back as a request,
// which is validated like any other).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';

const text = z.optional(z.string());
const count = z.optional(z.number());

const imageSidecarSchema = z.object({
  file: text,
  prompt: text,
  negativePrompt: text,
  provider: z.string().check(z.minLength(1)),
  model: z.string().check(z.minLength(1)),
  seed: z.optional(z.union([z.number(), z.string()])),
  width: count,
  height: count,
  aspectRatio: text,
  style: text,
  count,
  index: count,
  mimeType: text,
  date: text,
  source: text,
  operation: text,
  strength: count,
  searchPrompt: text,
  mask: text,
  options: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  generator: text,
});

export type ImageSidecar = z.infer<typeof imageSidecarSchema>;

/** A sidecar is a few hundred bytes; anything this large is not one of ours. */
const maxSidecarBytes = 256 * 1024;

export async function readImageSidecar(imagePath: string): Promise<ImageSidecar | undefined> {
  const parsed = path.parse(imagePath);
  const sidecarPath = path.join(parsed.dir, `${parsed.name}.json`);
  if (sidecarPath === imagePath) return undefined;
  let content: string;
  try {
    const stat = await fs.stat(sidecarPath);
    if (!stat.isFile() || stat.size > maxSidecarBytes) return undefined;
    content = await fs.readFile(sidecarPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return undefined;
  }
  const result = imageSidecarSchema.safeParse(json);
  return result.success ? result.data : undefined;
}
