// An answer's body: its text split at its tool cards' offsets (issue 17, docs/chat.md "Tools"), each piece rendered
// as Markdown on its own with the cards between them: text, card, text, card, text. While the answer streams, its
// text goes to the last piece's incremental renderer; a new card closes that piece, follows it, and opens a new
// piece after it, so a chunk costs what it costs without cards (docs/performance.md). Cards already shown are updated
// in place; the body is rebuilt only when the cards it shows moved or went away, which a turn never does.
import type { MessageView, ToolCardView } from '../shared/webviewProtocol';
import { h } from './dom';
import { createStreamingRenderer, renderMarkdown, type MarkdownRenderOptions, type StreamingRenderer } from './render';
import { createToolCard, type ToolCard, type ToolCardContext } from './toolCards';

interface Segment {
  /** Where its text starts in the answer's `content`. */
  start: number;
  /** The streaming renderer of a piece rendered as it streamed (it also holds the piece's listeners). */
  renderer?: StreamingRenderer;
}

interface PlacedCard {
  view: ToolCardView;
  offset: number;
}

/**
 * The cards of `view` with the offsets they are shown at: in order, never before the card ahead of them nor past
 * the text (a view that does not keep to the protocol still shows every card).
 */
function placeCards(view: MessageView): PlacedCard[] {
  let at = 0;
  return (view.tools ?? []).map((card) => {
    at = Math.min(Math.max(card.offset, at), view.content.length);
    return { view: card, offset: at };
  });
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export class AnswerBody {
  readonly element = h('div', { class: 'message-body' });
  private segments: Segment[] = [];
  private cards: { card: ToolCard; offset: number }[] = [];

  constructor(
    view: MessageView,
    private readonly markdown: MarkdownRenderOptions,
    private readonly cardContext: ToolCardContext,
  ) {
    this.build(view);
  }

  /** The renderer streamed text goes to: the last piece's, until the answer ends. */
  get streaming(): StreamingRenderer | undefined {
    const renderer = this.segments.at(-1)?.renderer;
    return renderer && !renderer.finished ? renderer : undefined;
  }

  /** The answer changed as a whole (`message`): its cards, and at the end of the stream its final text. */
  update(view: MessageView): void {
    const placed = placeCards(view);
    const streaming = this.streaming !== undefined;
    const kept = this.cards.every(({ card, offset }, i) => placed[i]?.view.callId === card.view.callId && placed[i].offset === offset);
    // A finished answer that gains cards was not streamed here (the view was opened on it): drawn again, whole.
    if (!kept || (!streaming && placed.length > this.cards.length)) {
      this.build(view);
      return;
    }
    this.cards.forEach(({ card }, i) => card.update(placed[i]!.view));
    for (const { view: card, offset } of placed.slice(this.cards.length)) {
      // The card stands where the text so far ends.
      this.closeLast(view.content.slice(this.lastStart(), offset));
      this.addCard(card, offset);
      this.addSegment(offset, '', true);
    }
    if (streaming && view.status !== 'streaming') this.closeLast(view.content.slice(this.lastStart()));
  }

  dispose(): void {
    for (const segment of this.segments) segment.renderer?.dispose();
  }

  private build(view: MessageView): void {
    this.dispose();
    this.element.replaceChildren();
    this.segments = [];
    this.cards = [];
    let start = 0;
    for (const { view: card, offset } of placeCards(view)) {
      this.addSegment(start, view.content.slice(start, offset), false);
      this.addCard(card, offset);
      start = offset;
    }
    this.addSegment(start, view.content.slice(start), view.status === 'streaming');
  }

  private lastStart(): number {
    return this.segments.at(-1)?.start ?? 0;
  }

  /** Finishes the last piece's stream with `text` as its whole text (the deltas built it, unless some were missed). */
  private closeLast(text: string): void {
    const renderer = this.streaming;
    if (!renderer) return;
    if (renderer.getText() !== normalizeNewlines(text)) renderer.reset(text);
    renderer.finish();
  }

  private addSegment(start: number, text: string, streaming: boolean): void {
    if (!streaming) {
      this.element.append(renderMarkdown(text, this.markdown));
      this.segments.push({ start });
      return;
    }
    const container = h('div');
    this.element.append(container);
    const renderer = createStreamingRenderer(container, this.markdown);
    if (text) renderer.append(text);
    this.segments.push({ start, renderer });
  }

  private addCard(view: ToolCardView, offset: number): void {
    const card = createToolCard(view, this.cardContext);
    this.element.append(card.element);
    this.cards.push({ card, offset });
  }
}
