// Runs the chat's turns one at a time, with Stop: each turn (core/turns) gets the engine, an AbortSignal and a
// listener that keeps the open conversation current, shows the turn in the webview and saves it as it goes
// (batched while it streams, at once when it ends).
import * as vscode from 'vscode';
import type { Conversation } from '../../core/conversations/conversation';
import type { FittableRequest } from '../../core/context/fitRequestToWindow';
import type { RunTurnOptions } from '../../core/turns/turnRunner';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { Pricing } from '../pricing/pricing';
import type { ChatToolTurn } from '../tools/chatToolRunner';
import type { ChatViewPort } from './chatViewPort';
import type { OpenConversation } from './openConversation';
import { showAnswer, showTurnUpdate } from './turnViewUpdates';

/** A turn of one of the chat's actions (send, regenerate, edit, retry, /image). */
export type TurnRun = (conversation: Conversation, options: RunTurnOptions) => Promise<Conversation>;

/** The tools a turn may offer (ChatToolAccess): undefined when it goes without. */
export type TurnToolsSource = (onChange: () => void) => ChatToolTurn | undefined;

export class ChatTurns {
  private active: { controller: AbortController; done: Promise<void> } | undefined;

  constructor(
    private readonly open: OpenConversation,
    private readonly port: ChatViewPort,
    private readonly host: ProviderEngineHost,
    private readonly log: vscode.LogOutputChannel,
    /** Called when a turn has ended and been saved (the context meter counts the new history). */
    private readonly onSettled: () => void = () => undefined,
    /** The context window of a model, when known (the request is made to fit it). */
    private readonly windowOf: (model: string) => Promise<number | undefined> = () => Promise.resolve(undefined),
    /** The images of the request read from the store (or noted, for a model that cannot see them): ChatImages.prepare. */
    private readonly prepareImages: (request: FittableRequest, model: string) => Promise<FittableRequest> = (request) =>
      Promise.resolve(request),
    /** The tools of a turn (issue 17); none by default. */
    private readonly toolsFor: TurnToolsSource = () => undefined,
    /** Prices and budgets (issue 19): each answer's cost, recorded; none until the extension sets them. */
    private readonly pricing: () => Pricing | undefined = () => undefined,
  ) {}

  get busy(): boolean {
    return this.active !== undefined;
  }

  /** Waits for the turn running, if any. */
  async idle(): Promise<void> {
    await this.active?.done;
  }

  async stop(): Promise<void> {
    const active = this.active;
    if (!active) return;
    active.controller.abort();
    await active.done;
  }

  /** Starts `run` on the open conversation; `redraw` shows the whole conversation first (messages were removed or moved). */
  start(run: TurnRun, redraw = false): void {
    const controller = new AbortController();
    const before = this.open.current;
    let messageId = '';
    let drawn = !redraw;
    let latest = before;
    this.port.post({ type: 'busy', busy: true });
    // A card waiting for the user or running is drawn at once (it is not one of the turn's own updates).
    const tools = this.toolsFor(() => {
      if (drawn && messageId !== '') showAnswer(this.port, latest, messageId);
    });
    const done = run(before, {
      chat: (models, request, options) => this.host.get().chat(models, request, options),
      ...this.pricing()?.forTurn(() => latest),
      signal: controller.signal,
      // Fitted first (an image counts as a fixed estimate), then the images that are still sent are read.
      prepareRequest: async (request, model) =>
        this.prepareImages(await this.fitToWindow(this.withoutToolsFor(request, model), model), model),
      ...(tools !== undefined ? { tools: tools.tools } : {}),
      noModelMessage: vscode.l10n.t(
        'No chat model is chosen yet. Pick one with “Switchboard: Select Chat Model”, or in the model menu above.',
      ),
      onUpdate: (conversation, update) => {
        latest = conversation;
        this.open.set(conversation);
        if (update.type === 'turn-start') messageId = update.messageId;
        if (drawn) showTurnUpdate(this.port, this.log, conversation, messageId, update);
        else {
          drawn = true;
          this.open.show(true);
        }
        this.open.saveSoon();
      },
    })
      .then(async (final) => {
        this.open.set(final);
        // Nothing to run (no answer to regenerate): the view still shows the conversation as it is.
        if (final === before) this.open.show(false);
        // The edits and files the answer proposed open in one review (nothing is written before Accept there).
        const answer = final.messages.find((message) => message.id === messageId);
        await tools?.end(answer?.role === 'assistant' ? answer.model : undefined);
      })
      .catch((error: unknown) =>
        this.log.error(`Chat turn failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      )
      .finally(async () => {
        if (this.active?.controller === controller) this.active = undefined;
        this.port.post({ type: 'busy', busy: this.busy });
        await this.open.save();
        this.onSettled();
      });
    this.active = { controller, done };
  }

  /**
   * The Sydney gateway has no tool calling: a request to it goes without the tools (the answer is then one step).
   * Every other protocol takes them (a model that cannot use tools is told so by its server).
   */
  private withoutToolsFor<R extends FittableRequest>(request: R, model: string): R {
    if (request.tools === undefined) return request;
    const provider = model.slice(0, Math.max(0, model.indexOf('/')));
    if (this.host.get().entry(provider)?.kind !== 'sydney') return request;
    const { tools: _tools, toolChoice: _choice, ...rest } = request;
    return rest as R;
  }

  /** Leaves out the oldest turns, then cuts the largest attachments, when the request would not fit the model's window. */
  private async fitToWindow(request: FittableRequest, model: string): Promise<FittableRequest> {
    const window = await this.windowOf(model);
    if (window === undefined) return request;
    const fitted = this.host.module().fitRequestToWindow(request, window);
    if (fitted.droppedMessages > 0 || fitted.cutContexts > 0) {
      this.log.info(
        `Fitted the request to ${model}'s ${window}-token window: ${fitted.droppedMessages} messages left out, ${fitted.cutContexts} contexts cut`,
      );
      this.port.notice(
        vscode.l10n.t(
          'To fit {0}’s context window, this request leaves out {1} earlier messages and cuts {2} attachments. The conversation keeps them all.',
          model,
          fitted.droppedMessages,
          fitted.cutContexts,
        ),
        'warning',
      );
    }
    return fitted.request;
  }
}
