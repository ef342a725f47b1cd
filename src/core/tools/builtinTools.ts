// Switchboard's own tools (issue 17, docs/chat.md "Tools"), in the order the model is told about them. Five only
// look; two propose changes that the user reviews (`readOnly: false`). What each runs on: read_file, list_files and
// search_text in core (runReadFile.ts, runListFiles.ts, searchWorkspaceText.ts or ripgrep), get_problems and
// get_diff in the extension, propose_edit and create_file as proposals for the review.
import { createFileTool } from './createFileTool';
import { getDiffTool } from './getDiffTool';
import { getProblemsTool } from './getProblemsTool';
import { listFilesTool } from './listFilesTool';
import { proposeEditTool } from './proposeEditTool';
import { readFileTool } from './readFileTool';
import { searchTextTool } from './searchTextTool';
import type { ToolSpec } from './toolTypes';

export const builtinTools = [
  readFileTool,
  listFilesTool,
  searchTextTool,
  getProblemsTool,
  getDiffTool,
  proposeEditTool,
  createFileTool,
] as const satisfies readonly ToolSpec[];
