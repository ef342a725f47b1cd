// Files and folders dragged onto the chat view become context. VS Code hands a webview the drags from its explorer
// and editor tabs when Shift is held, as URI lists (its own `application/vnd.code.uri-list`, and the standard
// `text/uri-list` of RFC 2483: one URI a line, `#` lines are comments). The extension checks every URI again (one
// outside the workspace gets a chip saying so); a drop that carries none is left alone. Image files dropped from the
// operating system arrive as `File`s: they go to `onImages` (attached as pictures, images/imageAttacher.ts) rather
// than as URIs, which the view could not read.
import { protocolLimits } from '../shared/webviewProtocol';
import { isImageFile } from './images/readPastedImages';

const uriListTypes = ['application/vnd.code.uri-list', 'text/uri-list'];
/** As many as one `addContextUris` carries. */
const maxUris = 100;

/**
 * While a drag that carries URIs or files is over the view, `highlight` has the class `drop-target`; a drop posts
 * its image files to `onImages` and its other URIs to `onUris`.
 */
export function acceptUriDrops(highlight: HTMLElement, onUris: (uris: string[]) => void, onImages?: (files: File[]) => void): void {
  let depth = 0;
  // `Files` also stops the browser from opening a file dropped from the system in place of the view.
  const carriesUris = (event: DragEvent): boolean =>
    Array.from(event.dataTransfer?.types ?? []).some((type) => uriListTypes.includes(type.toLowerCase()) || type === 'Files');
  const end = (): void => {
    depth = 0;
    highlight.classList.remove('drop-target');
  };
  // Capture on the document: a drop on the input must not insert the URIs as text.
  document.addEventListener(
    'dragenter',
    (event) => {
      if (!carriesUris(event)) return;
      event.preventDefault();
      depth += 1;
      highlight.classList.add('drop-target');
    },
    true,
  );
  document.addEventListener(
    'dragover',
    (event) => {
      if (!carriesUris(event) || !event.dataTransfer) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    true,
  );
  document.addEventListener(
    'dragleave',
    (event) => {
      if (!carriesUris(event)) return;
      depth -= 1;
      if (depth <= 0) end();
    },
    true,
  );
  document.addEventListener(
    'drop',
    (event) => {
      end();
      if (!carriesUris(event) || !event.dataTransfer) return;
      event.preventDefault();
      const images = onImages ? Array.from(event.dataTransfer.files).filter(isImageFile) : [];
      if (images.length > 0) onImages?.(images);
      // A file manager lists the dropped files as URIs too: those of the images are taken care of.
      const names = new Set(images.map((file) => file.name));
      const uris = readUris(event.dataTransfer).filter((uri) => !names.has(lastSegment(uri)));
      if (uris.length > 0) onUris(uris);
    },
    true,
  );
  document.addEventListener('dragend', end, true);
}

function readUris(data: DataTransfer): string[] {
  const uris = new Set<string>();
  for (const type of uriListTypes) {
    for (const uri of parseUriList(data.getData(type))) if (uri.length <= protocolLimits.shortText) uris.add(uri);
    if (uris.size > 0) break;
  }
  return [...uris].slice(0, maxUris);
}

function lastSegment(uri: string): string {
  try {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  } catch {
    return '';
  }
}

function parseUriList(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    // Some hosts put a JSON array of URIs under the same type.
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.filter((item): item is string => typeof item === 'string' && item !== '');
    } catch {
      // Not JSON after all: read it as lines.
    }
  }
  return trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
