// The tools and the tool conversation every protocol's tool test sends: two tools (one with arguments, one without),
// and a history where the assistant said a word, called both in one turn, got their results (one of them failed),
// and the user asked on.
import type { ChatMessage, ToolDefinition } from '../../../src/core/chat/chatTypes';

export const readFileTool: ToolDefinition = {
  name: 'read_file',
  description: 'Read a file of the workspace.',
  parameters: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      path: { type: 'string', description: 'Workspace-relative path.' },
      startLine: { type: 'integer', minimum: 1 },
    },
    required: ['path'],
    additionalProperties: false,
  },
};

export const listProblemsTool: ToolDefinition = {
  name: 'get_problems',
  description: 'List the problems of the workspace.',
  parameters: { type: 'object', properties: {}, additionalProperties: false },
};

export const tools = [readFileTool, listProblemsTool];

export function toolConversation(): ChatMessage[] {
  return [
    { role: 'user', parts: [{ type: 'text', text: 'What is wrong with app.ts?' }] },
    {
      role: 'assistant',
      parts: [
        { type: 'text', text: 'Let me look.' },
        { type: 'tool-call', id: 'call_1', name: 'read_file', arguments: '{"path":"src/app.ts"}' },
        { type: 'tool-call', id: 'call_2', name: 'get_problems', arguments: '{}' },
      ],
    },
    {
      role: 'tool',
      parts: [
        { type: 'tool-result', callId: 'call_1', content: 'export const x = 1', isError: false },
        { type: 'tool-result', callId: 'call_2', content: 'The problems could not be read.', isError: true },
      ],
    },
    { role: 'user', parts: [{ type: 'text', text: 'And?' }] },
  ];
}
