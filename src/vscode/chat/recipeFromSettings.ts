import type { TurnRecipe } from '../../core/conversations/conversation';
import type { SwitchboardSettings } from '../../core/config/switchboardSettings';

/**
 * How a turn is sent, from the settings at the moment it is asked: the chosen model (or the command's) then the
 * fallbacks, the command's system prompt before the user's own, the generation settings. It is stored with the
 * question, so a later Regenerate or Edit sends the same, whatever the settings say by then.
 */
export function recipeFromSettings(settings: SwitchboardSettings, model?: string, commandPrompt?: string): TurnRecipe {
  const chosen = model ?? settings.chatModel;
  const models = [chosen, ...settings.fallbackModels.filter((fallback) => fallback !== chosen)].filter((ref) => ref !== '');
  const systemPrompt = [commandPrompt, settings.systemPrompt].filter((text) => text !== undefined && text !== '').join('\n\n');
  return {
    models,
    ...(systemPrompt !== '' ? { systemPrompt } : {}),
    ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
    ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
  };
}
