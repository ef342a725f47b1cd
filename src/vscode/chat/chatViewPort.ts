// Where the chat's extension side talks to its webview (issue 13): one object, injected once into every part of
// the chat (the session, the history, the model picker), that posts to whichever webview is attached — or to
// nothing while the view is hidden. Parts never swap callbacks among themselves.
import { attachmentPath } from '../../core/attachments/attachmentPath';
import type { ConversationMessage } from '../../core/conversations/conversation';
import type { ImagePart } from '../../core/conversations/messagePart';
import type { ErrorAction, ExtensionToWebviewMessage, ToolCardView } from '../../shared/webviewProtocol';

export interface AttachedView {
  post(message: ExtensionToWebviewMessage): void;
  /** A saved image's path as a URI the webview may load; undefined when it may not. */
  imageSrc(path: string): string | undefined;
}

export class ChatViewPort {
  private view: AttachedView | undefined;
  /** An answer's tool cards (ChatToolAccess.cardsOf, set by the chat); none until then. */
  toolCards: (message: ConversationMessage) => ToolCardView[] | undefined = () => undefined;

  constructor(
    /** Where images attached to messages are stored (core/attachments), for their thumbnails. */
    private readonly attachmentsDirectory = '',
  ) {}

  attach(view: AttachedView): void {
    this.view = view;
  }

  detach(): void {
    this.view = undefined;
  }

  /** Whether a webview is there to show what is posted. */
  get attached(): boolean {
    return this.view !== undefined;
  }

  post(message: ExtensionToWebviewMessage): void {
    this.view?.post(message);
  }

  imageSrc(path: string): string | undefined {
    return this.view?.imageSrc(path);
  }

  /** An image part's file as a URI the webview may load: a generated image by its path, an attachment by its hash. */
  partSrc(image: ImagePart): string | undefined {
    if (image.hash !== undefined) return this.imageSrc(attachmentPath(this.attachmentsDirectory, image.hash, image.mimeType));
    return image.path === undefined ? undefined : this.imageSrc(image.path);
  }

  notice(text: string, level: 'info' | 'warning' | 'error' = 'info', actions: readonly ErrorAction[] = []): void {
    this.post({ type: 'notice', text, level, ...(actions.length > 0 ? { actions: [...actions] } : {}) });
  }
}
