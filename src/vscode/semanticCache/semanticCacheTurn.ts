// A chat turn with the semantic cache in front of the model (`switchboard.chat.semanticCache`;
// docs/moderation-and-caching.md): the turn's chat engine is wrapped by ProviderEngine.semanticChat, which answers a
// similar earlier question from the cache or asks the model and stores the answer. The person is told, once a
// session, when the cache cannot work for their model (no embedding model) or embedding failed (the question then
// went to the model as usual).
import * as vscode from 'vscode';
import type { Conversation } from '../../core/conversations/conversation';
import type { RunTurnOptions } from '../../core/turns/turnRunner';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import { describeError } from '../errors/describeError';

type TurnRun = (conversation: Conversation, options: RunTurnOptions) => Promise<Conversation>;

export interface SemanticCacheTurnDeps {
  host: ProviderEngineHost;
  /** Shows a notice in the chat. */
  notice: (text: string, level: 'info' | 'warning') => void;
}

/** What the person has been told this session (one notice per provider and kind of problem). */
const told = new Set<string>();

/** `run` with the semantic cache in front when it is on for `chatModel`; `fresh`: Ask fresh (no lookup, the answer is stored). */
export function semanticCacheTurn(
  deps: SemanticCacheTurnDeps,
  chatModel: string,
  run: TurnRun,
  options: { fresh?: boolean } = {},
): TurnRun {
  return (conversation, turn) => {
    const engine = deps.host.get();
    const status = engine.semanticCacheStatus(chatModel);
    if (status.state === 'no-embedding-model') {
      once(`none:${status.provider}`, () =>
        deps.notice(
          vscode.l10n.t(
            'The semantic cache is on, but {0} has no embedding model Switchboard knows, so questions go to the model. Name one in switchboard.chat.semanticCache (embeddingModel).',
            status.provider,
          ),
          'info',
        ),
      );
      return run(conversation, turn);
    }
    if (status.state === 'off') return run(conversation, turn);
    const chat = engine.semanticChat(turn.chat, chatModel, {
      ...(options.fresh !== undefined ? { fresh: options.fresh } : {}),
      onProblem: (error) =>
        once(`failed:${status.embeddingModel}:${error.kind}`, () =>
          deps.notice(
            vscode.l10n.t(
              'The semantic cache could not embed the question with {0}, so it went to the model: {1}',
              status.embeddingModel,
              describeError(error),
            ),
            'warning',
          ),
        ),
    });
    return run(conversation, { ...turn, chat });
  };
}

function once(key: string, tell: () => void): void {
  if (told.has(key)) return;
  told.add(key);
  tell();
}
