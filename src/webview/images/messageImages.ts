// Images shown with a message (MessageView.images). A generated one (on an answer) has a toolbar under it: insert a
// reference, open, reveal in the explorer, edit, animate, ask about it — icon buttons named for screen readers, one
// tab stop with the arrow keys moving between them, as a code block's toolbar. An image the user attached (on a
// question) is a thumbnail that opens it.
import type { ImageAction, MessageView, WebviewToExtensionMessage } from '../../shared/webviewProtocol';
import { codiconClass, type CodiconName } from '../codiconNames';
import { h } from '../dom';
import { moveInToolbar } from '../render';
import { format, type WebviewStrings, type WebviewStringKey } from '../webviewStrings';

type MessageImage = NonNullable<MessageView['images']>[number];

const actions: readonly [ImageAction, CodiconName, WebviewStringKey][] = [
  ['insertReference', 'insert', 'imageInsertReference'],
  ['open', 'go-to-file', 'imageOpen'],
  ['reveal', 'folder-opened', 'imageReveal'],
  ['edit', 'edit', 'imageEdit'],
  ['animate', 'play-circle', 'imageAnimate'],
  ['ask', 'comment-discussion', 'imageAsk'],
];

/** The images of `view`, or undefined when it has none. */
export function messageImages(
  view: MessageView,
  strings: WebviewStrings,
  post: (message: WebviewToExtensionMessage) => void,
): HTMLElement | undefined {
  const images = view.images ?? [];
  if (images.length === 0) return undefined;
  const act = (action: ImageAction, image: MessageImage): void =>
    post({ type: 'imageAction', action, path: image.path, messageId: view.id });
  const container = h(
    'div',
    { class: 'message-images' },
    ...images.map((image) => (image.attached ? thumbnail(image, strings, act) : figure(image, strings, act))),
  );
  container.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLElement && event.target.matches('.image-toolbar button')) moveInToolbar(event.target, event);
  });
  return container;
}

function thumbnail(image: MessageImage, strings: WebviewStrings, act: (action: ImageAction, image: MessageImage) => void): HTMLElement {
  const label = format(strings.contextOpen, image.path);
  const button = h(
    'button',
    { type: 'button', class: 'message-thumbnail', title: label, 'aria-label': label },
    h('img', { src: image.src, alt: '' }),
  );
  button.addEventListener('click', () => act('open', image));
  return button;
}

function figure(image: MessageImage, strings: WebviewStrings, act: (action: ImageAction, image: MessageImage) => void): HTMLElement {
  const toolbar = h('div', { class: 'image-toolbar', role: 'toolbar', 'aria-label': format(strings.imageActions, image.path) });
  actions.forEach(([action, icon, key], position) => {
    const button = h(
      'button',
      { type: 'button', class: 'image-action', 'data-action': action, title: strings[key], 'aria-label': strings[key] },
      h('span', { class: codiconClass(icon), 'aria-hidden': 'true' }),
    );
    // One tab stop for the toolbar: the arrow keys move within it (moveInToolbar).
    button.tabIndex = position === 0 ? 0 : -1;
    button.addEventListener('click', () => act(action, image));
    toolbar.append(button);
  });
  return h('figure', {}, h('img', { src: image.src, alt: image.alt }), h('figcaption', {}, image.path), toolbar);
}
