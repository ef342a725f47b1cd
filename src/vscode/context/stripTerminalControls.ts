// Terminal output as plain text. What shell integration hands over is the raw stream (VS Code's API reference,
// TerminalShellExecution.read): colours and cursor moves (CSI), titles and shell-integration marks (OSC), and `\r`
// redraws of progress bars. A model needs none of them, and they cost tokens.

// CSI `ESC [ … final`, OSC `ESC ] … (BEL | ESC \)`, DCS/SOS/PM/APC `ESC P|X|^|_ … ESC \`, other two-byte escapes,
// and the 8-bit CSI (0x9b).
// eslint-disable-next-line no-control-regex
const escapes = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][\s\S]*?(?:\x07|\x1b\\)|\x1b[PX^_][\s\S]*?\x1b\\|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const controls = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

export function stripTerminalControls(raw: string): string {
  const text = raw.replace(escapes, '').replace(/\r\n/g, '\n');
  // A line redrawn with `\r` shows only what was written last.
  const lines = text.split('\n').map((line) => {
    const parts = line.split('\r').filter((part) => part !== '');
    return parts[parts.length - 1] ?? '';
  });
  return lines.join('\n').replace(controls, '');
}
