// Conversations for the open benchmark: alternating user and assistant messages, realistic sizes (questions with
// pasted code, 500–1,200 characters; Markdown answers with code blocks, lists and tables, 500–2,000 characters),
// metadata as the extension sends it. Deterministic for a given seed.
import { generateLongAnswer, seededRandom } from '../../test/webview/fixtures/longAnswer';
import { lastPage } from '../../src/shared/messagePage';
import type { ConversationView, ExtensionToWebviewMessage, MessageView } from '../../src/shared/webviewProtocol';

function cutAtBlock(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n\n', max);
  return cut > max / 2 ? text.slice(0, cut) : text.slice(0, max);
}

export function generateConversation(count: number, seed = 11): ConversationView {
  const random = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const messages: MessageView[] = [];
  for (let i = 0; i < count; i++) {
    const id = `m${String(i).padStart(5, '0')}`;
    if (i % 2 === 0) {
      const target = int(500, 1_200);
      const content = cutAtBlock(
        generateLongAnswer(target, seed * 7919 + i).replace(/^Here is a detailed walkthrough\. /, 'Can you explain this? '),
        1_200,
      );
      messages.push({
        id,
        role: 'user',
        content,
        ...(random() < 0.2
          ? {
              contexts: [
                {
                  id: `c${i}`,
                  kind: 'selection' as const,
                  label: `src/module${i % 17}.ts:${int(1, 400)}-${int(401, 800)}`,
                  language: 'typescript',
                  chars: int(200, 4_000),
                  tokens: int(50, 1_000),
                },
              ],
            }
          : {}),
      });
    } else {
      const target = int(500, 2_000);
      let content = cutAtBlock(generateLongAnswer(target, seed * 104729 + i), 1_800);
      // Every answer carries at least one code block.
      if (!content.includes('```'))
        content += `\n\n\`\`\`ts\nconst answer${i} = await provider.streamChat({ model, messages });\nfor await (const event of answer${i}) render(event);\n\`\`\``;
      messages.push({
        id,
        role: 'assistant',
        content,
        provider: 'openai',
        model: 'gpt-4o-mini',
        usage: { inputTokens: int(200, 9_000), outputTokens: Math.ceil(content.length / 4) },
        status: 'complete',
      });
    }
  }
  return { id: `conversation-${count}`, title: 'Streaming client internals', messages };
}

/** The conversation as the extension sends it to the view (toConversationView): its last page and the count before. */
export function asSent(conversation: ConversationView): ConversationView {
  const page = lastPage(conversation.messages);
  return { ...conversation, messages: page.messages, earlier: page.earlier };
}

export function initMessage(conversation: ConversationView): ExtensionToWebviewMessage {
  return {
    type: 'init',
    version: '0.0.1',
    locale: 'en',
    conversation,
    draft: '',
    contexts: [],
    currentModel: 'openai/gpt-4o-mini',
    sendOnEnter: true,
    busy: false,
  };
}
