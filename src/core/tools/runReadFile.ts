// read_file (issue 17): a workspace file's text, whole or a range of lines, for the model. The path passes
// resolveToolPath's rules; the file is read by the chat's own context reader (readFileContext.ts: never a FIFO or
// device, nothing over `maxFileBytes`, binary and non-UTF-8 files refused with a note); what is returned is cut at a
// line to `maxReadChars`, saying from which line to read on. Never throws but for an abort.
import { defaultContextReadLimits } from '../context/contextLimits';
import { readFileContext } from '../context/readFileContext';
import { fencedBlock } from '../conversations/markdownFence';
import { cutText } from '../conversations/messagePart';
import { englishErrorText, readErrorText } from '../errors/errorText';
import { formatBytes } from '../images/formatBytes';
import type { ReadFileInput } from './readFileTool';
import { resolveToolPath } from './resolveToolPath';
import { toolError } from './toolError';
import { defaultToolLimits, type ToolRunOptions } from './toolLimits';
import type { ToolOutcome } from './toolTypes';
import type { ToolWorkspace } from './toolWorkspace';

export async function runReadFile(input: ReadFileInput, workspace: ToolWorkspace, options: ToolRunOptions = {}): Promise<ToolOutcome> {
  const limits = { ...defaultToolLimits, ...options.limits };
  const resolved = await resolveToolPath(workspace, input.path);
  if (!resolved.ok) return resolved.refusal;
  const file = resolved.path;
  const item = await readFileContext(
    { absolutePath: file.absolutePath, relativePath: file.relativePath, label: file.displayPath },
    {
      exclusion: workspace.exclusion,
      // The whole file is read (within maxFileBytes); the range and the cut are this tool's.
      limits: { ...defaultContextReadLimits, maxChars: Number.MAX_SAFE_INTEGER, maxFileBytes: limits.maxFileBytes },
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    },
  );
  if (item.note !== undefined) {
    const words = readErrorText(item.note.id, item.note.params);
    return { content: words !== undefined ? englishErrorText(words) : item.note.id, isError: true, note: item.note };
  }
  const text = item.text;
  const size = Buffer.byteLength(text, 'utf8');
  if (text === '') return { content: `${file.displayPath} is empty (0 bytes).`, isError: false };

  const lines = splitLines(text);
  const total = lines.length;
  const start = input.startLine ?? 1;
  if (start > total) return toolError('tool.read.pastEnd', { path: file.displayPath, lines: total, start });
  const end = Math.min(input.endLine ?? total, total);

  // Whole lines from `start` while they fit; at least one line, itself cut when it alone is too long.
  const max = Math.max(1, Math.floor(limits.maxReadChars));
  let body = '';
  let last = start - 1;
  let lineCut = false;
  for (let index = start - 1; index < end; index++) {
    const line = lines[index] ?? '';
    const next = last < start ? line : `${body}\n${line}`;
    if (next.length > max) {
      if (last >= start) break;
      body = cutText(line, max);
      lineCut = true;
      last = index + 1;
      break;
    }
    body = next;
    last = index + 1;
  }
  const whole = start === 1 && last === total;
  const range = whole ? `${total} ${total === 1 ? 'line' : 'lines'}` : `lines ${start}-${last} of ${total}`;
  let content = `${file.displayPath} (${range}, ${formatBytes(size)}):\n${fencedBlock(body, item.language ?? '')}`;
  if (lineCut) {
    content += `\n[line ${last} alone is longer than ${max} characters: only its beginning is shown]`;
  }
  if (last < end) {
    content += `\n[cut after line ${last} to ${max} characters: call read_file with startLine ${last + 1} to read on]`;
  }
  return { content, isError: false };
}

/** Lines as an editor counts them (`\r\n`, `\r` and `\n` all end one); a final line break does not start another. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}
