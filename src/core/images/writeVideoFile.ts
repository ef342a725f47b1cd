// Saves an animated image (issue 16) by the rules of writeImageFiles.ts: only after its bytes are checked to be an
// MP4, under a name from the date and the prompt (or the source's name) and the seed, never over an existing file
// (`-2`, `-3`… claimed with exclusive creates), never outside the workspace folder, with a sidecar `.json` that names
// the source image and the operation.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import type { VideoResult } from './imageEditTypes';
import { imageFileName } from './imageFileName';
import { isMp4 } from './isMp4';
import { describeLeadingBytes } from './requireImageBytes';
import { type ImageMetadata, nameText, requireInside, sidecarJson, type WriteImageFilesOptions, writeUnique } from './writeImageFiles';

export interface WrittenVideo {
  path: string;
  fileName: string;
  sidecarPath?: string;
  mimeType: 'video/mp4';
  seed?: number | string;
}

/** Throws an `invalid-response` ProviderError when the bytes are not an MP4 (nothing is written then). */
export async function writeVideoFile(
  folder: string,
  video: VideoResult,
  metadata: ImageMetadata,
  options: WriteImageFilesOptions,
): Promise<WrittenVideo> {
  await requireInside(options.workspaceRoot, folder);
  if (!isMp4(video.bytes)) {
    throw new ProviderError({
      kind: 'invalid-response',
      provider: metadata.provider,
      model: metadata.model,
      text:
        video.bytes.length === 0
          ? errorText('video.empty', { provider: metadata.provider })
          : errorText('video.notMp4', {
              provider: metadata.provider,
              count: video.bytes.length,
              leading: describeLeadingBytes(video.bytes),
            }),
    });
  }
  await fs.mkdir(folder, { recursive: true });
  await requireInside(options.workspaceRoot, folder);
  // The image naming rules, with the video's extension (the name is built for `.png` and its stem kept).
  const stem = imageFileName({
    date: metadata.date,
    prompt: nameText(metadata),
    ...(video.seed !== undefined ? { seed: video.seed } : {}),
    extension: 'png',
  }).slice(0, -'.png'.length);
  const sidecar = options.sidecar ?? true;
  const written = await writeUnique(folder, stem, 'mp4', video.bytes, sidecar, (fileName) =>
    sidecarJson(metadata, video.seed, 0, 1, fileName, 'video/mp4'),
  );
  return {
    path: written.path,
    fileName: path.basename(written.path),
    ...(written.sidecarPath !== undefined ? { sidecarPath: written.sidecarPath } : {}),
    mimeType: 'video/mp4',
    ...(video.seed !== undefined ? { seed: video.seed } : {}),
  };
}
