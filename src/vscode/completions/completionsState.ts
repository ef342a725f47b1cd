// What inline completions remember between sessions (docs/completions.md): whether the user turned them off, until
// when they are snoozed, and how many suggestions were shown and accepted (kept on this machine only, shown in the
// status item's tooltip; never sent anywhere).
import type * as vscode from 'vscode';

const offKey = 'switchboard.completions.off';
const snoozedUntilKey = 'switchboard.completions.snoozedUntil';
const shownKey = 'switchboard.completions.shown';
const acceptedKey = 'switchboard.completions.accepted';

export class CompletionsState {
  constructor(private readonly memento: vscode.Memento) {}

  /** Turned off with `switchboard.toggleCompletions` (on by default once a model is chosen). */
  get off(): boolean {
    return this.memento.get<boolean>(offKey, false);
  }

  async setOff(off: boolean): Promise<void> {
    await this.memento.update(offKey, off ? true : undefined);
  }

  /** The time (ms since the epoch) until which completions are snoozed; 0 when they are not. */
  snoozedUntil(now = Date.now()): number {
    const until = this.memento.get<number>(snoozedUntilKey, 0);
    return until > now ? until : 0;
  }

  async snooze(minutes: number, now = Date.now()): Promise<void> {
    await this.memento.update(snoozedUntilKey, minutes > 0 ? now + minutes * 60_000 : undefined);
  }

  get shown(): number {
    return this.memento.get<number>(shownKey, 0);
  }

  get accepted(): number {
    return this.memento.get<number>(acceptedKey, 0);
  }

  async countShown(): Promise<void> {
    await this.memento.update(shownKey, this.shown + 1);
  }

  async countAccepted(): Promise<void> {
    await this.memento.update(acceptedKey, this.accepted + 1);
  }
}
