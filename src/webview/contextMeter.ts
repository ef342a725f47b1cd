// The meter under the composer's chips: what the next message would cost — the conversation sent again, the attached
// chips and the draft — against the chosen model's context window, and, before sending, what will be cut when it
// does not fit (docs/chat.md). The extension sends its figures with the chips; the draft's share is estimated here
// as the user types, which touches only the meter's own text, never the chips.
import type { ContextBudget } from '../shared/webviewProtocol';
import { codiconClass } from './codiconNames';
import { h } from './dom';
import { estimateTokens } from './estimateTokens';
import { formatTokens } from './formatTokens';
import { format, type WebviewStrings } from './webviewStrings';

export class ContextMeter {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly fill: HTMLElement;
  /** What will be cut; an id, so the input can point at it (aria-describedby). */
  private readonly warning: HTMLElement;
  private readonly warningText: HTMLElement;
  private budget: ContextBudget | undefined;
  private draftTokens = 0;

  constructor(private readonly strings: WebviewStrings) {
    this.text = h('span', { class: 'context-meter-text' });
    this.fill = h('span', { class: 'context-meter-fill' });
    this.bar = h('span', { class: 'context-meter-bar', role: 'meter', 'aria-label': strings.meterLabel, 'aria-valuemin': '0' }, this.fill);
    this.warningText = h('span', {});
    this.warning = h(
      'div',
      { id: 'context-meter-warning', class: 'context-meter-warning', role: 'status', 'aria-live': 'polite' },
      h('span', { class: codiconClass('warning'), 'aria-hidden': 'true' }),
      this.warningText,
    );
    this.element = h(
      'div',
      { class: 'context-meter', hidden: true },
      h('div', { class: 'context-meter-row' }, this.text, this.bar),
      this.warning,
    );
  }

  /** The extension's figures (absent: no meter). */
  setBudget(budget: ContextBudget | undefined): void {
    this.budget = budget;
    this.render();
  }

  setDraft(text: string): void {
    const tokens = estimateTokens(text);
    if (tokens === this.draftTokens) return;
    this.draftTokens = tokens;
    this.render();
  }

  private render(): void {
    const budget = this.budget;
    this.element.hidden = budget === undefined;
    if (budget === undefined) return;
    const total = budget.historyTokens + budget.contextTokens + this.draftTokens;
    const window = budget.window !== undefined && budget.window > 0 ? budget.window : undefined;
    const label =
      window === undefined
        ? format(this.strings.contextTokens, formatTokens(total))
        : format(this.strings.meterOf, formatTokens(total), formatTokens(window));
    setText(this.text, label);
    const parts = format(
      this.strings.meterParts,
      formatTokens(budget.historyTokens),
      formatTokens(budget.contextTokens),
      formatTokens(this.draftTokens),
    );
    const source =
      window === undefined
        ? undefined
        : format(
            budget.windowSource === 'provider' ? this.strings.meterSourceProvider : this.strings.meterSourceTable,
            budget.model,
            window.toLocaleString(document.documentElement.lang || undefined),
          );
    this.element.title = source === undefined ? parts : `${parts}\n${source}`;
    this.bar.hidden = window === undefined;
    const over = window !== undefined && total > window;
    this.element.classList.toggle('over', over);
    if (window !== undefined) {
      this.bar.setAttribute('aria-valuemax', String(window));
      this.bar.setAttribute('aria-valuenow', String(Math.min(total, window)));
      this.bar.setAttribute('aria-valuetext', label);
      // CSSOM, which the webview's CSP allows (a style attribute it would not).
      this.fill.style.width = `${Math.min(100, (total / window) * 100).toFixed(1)}%`;
    }
    this.warning.hidden = !over;
    // The live region's text changes only when its (compact) figures do, so typing does not make it chatter.
    setText(this.warningText, over ? format(this.strings.meterOver, formatTokens(total - window), budget.model, formatTokens(window)) : '');
  }
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
