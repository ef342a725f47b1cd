import type { ErrorAction } from '../../shared/webviewProtocol';

/**
 * The actions that can fix an error of each kind, shown next to it in the chat (docs/chat.md). An answer that had
 * no model to go to (`noModel`: none chosen yet, as on a fresh profile) offers setting a key first: without one, no
 * cloud provider has models to switch to.
 */
export function errorActionsFor(kind: string, options: { noModel?: boolean; budget?: boolean } = {}): ErrorAction[] {
  if (options.noModel === true && kind === 'not-found') return ['setKey', 'switchModel', 'openSettings'];
  // A request a budget held back (docs/spend.md "Budgets"): nothing was sent.
  if (options.budget === true) return ['raiseBudget', 'sendAnyway'];
  switch (kind) {
    case 'auth':
      return ['setKey', 'switchModel'];
    case 'quota':
      return ['switchModel', 'openSettings'];
    case 'not-found':
      return ['switchModel', 'openSettings'];
    case 'bad-request':
      return ['retry', 'switchModel', 'openSettings'];
    case 'content-filtered':
      return ['switchModel'];
    case 'rate-limit':
    case 'server':
    case 'overloaded':
    case 'network':
    case 'timeout':
    case 'invalid-response':
      return ['retry', 'switchModel', 'openLog'];
    default:
      return ['retry', 'openLog'];
  }
}
