// Switchboard's settings (README, "Settings"), validated at read time. Each setting is checked on its own, and each entry of
// `switchboard.providers` on its own, so one bad value produces one problem that names it while everything else
// keeps working with its valid value or its default.
import * as z from 'zod/mini';
import { defaultContextExclude } from '../context/defaultContextExclude';
import { providerEntrySchema, type ProviderEntry } from '../providers/providerEntry';
import { rateLimitsSchema, type RateLimits } from '../chat/rateLimits';
import { type BudgetSetting, budgetSettingMessage, isBudgetSetting } from './budgetSetting';
import { parseModelRef } from './modelRef';
import { semanticCacheSettingSchema, type SemanticCacheSetting } from '../semanticCache/semanticCacheSetting';

export interface ProviderSetting extends ProviderEntry {
  rateLimits?: RateLimits;
}

export interface SwitchboardSettings {
  providers: ProviderSetting[];
  chatModel: string;
  fallbackModels: string[];
  temperature: number | undefined;
  maxTokens: number | undefined;
  systemPrompt: string;
  imagesModel: string;
  imagesFolder: string;
  timeoutSeconds: number;
  /** The longest one answer may take in all (`switchboard.requests.deadlineSeconds`). */
  deadlineSeconds: number;
  /** The first-byte limit of billable generations (`switchboard.images.timeoutSeconds`). */
  imagesTimeoutSeconds: number;
  maxRetries: number;
  responseCache: boolean;
  /** Globs of files never read as chat context (`switchboard.context.exclude`; docs/security.md). */
  contextExclude: string[];
  /** Attach AGENTS.md and its kin to every turn (`switchboard.context.projectInstructions`). */
  projectInstructions: boolean;
  /** The chat offers its tools to the model (`switchboard.tools.enabled`; docs/chat.md "Tools"). */
  toolsEnabled: boolean;
  /** The most requests one answer with tools may make (`switchboard.tools.maxSteps`). */
  toolsMaxSteps: number;
  /** The inline completion model, `providerId/modelId`; '' keeps completions off (`switchboard.completions.model`). */
  completionsModel: string;
  /** Language ids without inline completions (`switchboard.completions.disabledLanguages`). */
  completionsDisabledLanguages: string[];
  /** Globs of files never sent for a completion (`switchboard.completions.exclude`; docs/completions.md). */
  completionsExclude: string[];
  /** `switchboard.budget.daily` / `.monthly` (USD, user settings only; docs/spend.md "Budgets"). */
  budgetDaily: BudgetSetting | undefined;
  budgetMonthly: BudgetSetting | undefined;
  /** Check chat and image prompts before sending (`switchboard.moderation.enabled`; docs/moderation-and-caching.md). */
  moderationEnabled: boolean;
  /** `switchboard.chat.semanticCache` as set; semanticCacheOptions() reads it (docs/moderation-and-caching.md). */
  semanticCache: SemanticCacheSetting;
}

/** One thing wrong with the user's settings, in words that name the setting. */
export interface SettingProblem {
  /** The setting's full id, with an index for array entries: `switchboard.providers[1]`. */
  setting: string;
  message: string;
}

/** The default of `switchboard.context.exclude` (its own file, shared with the engine's matcher). */
export const defaultContextExcludeSetting: readonly string[] = defaultContextExclude;

export const defaultSettings: SwitchboardSettings = {
  providers: [],
  chatModel: '',
  fallbackModels: [],
  temperature: undefined,
  maxTokens: undefined,
  systemPrompt: '',
  imagesModel: '',
  imagesFolder: 'assets/generated',
  timeoutSeconds: 60,
  deadlineSeconds: 900,
  imagesTimeoutSeconds: 300,
  maxRetries: 2,
  responseCache: false,
  contextExclude: [...defaultContextExcludeSetting],
  projectInstructions: true,
  toolsEnabled: true,
  toolsMaxSteps: 15,
  completionsModel: '',
  completionsDisabledLanguages: [],
  completionsExclude: [...defaultContextExcludeSetting],
  budgetDaily: undefined,
  budgetMonthly: undefined,
  moderationEnabled: false,
  semanticCache: false,
};

const budgetSchema = z.nullable(z.unknown().check(z.refine(isBudgetSetting, budgetSettingMessage)));

const modelRefSchema = z
  .string()
  .check(z.refine((text) => text === '' || parseModelRef(text) !== undefined, 'write it as providerId/modelId, e.g. openai/gpt-4o-mini'));

/** The schema of every setting but `providers`, keyed by its id without the `switchboard.` prefix. */
const scalarSettings = {
  'chat.model': { field: 'chatModel', schema: modelRefSchema },
  'chat.fallbackModels': { field: 'fallbackModels', schema: z.array(modelRefSchema) },
  'chat.temperature': { field: 'temperature', schema: z.nullable(z.number().check(z.gte(0), z.lte(2))) },
  'chat.maxTokens': { field: 'maxTokens', schema: z.nullable(z.int().check(z.positive(), z.lte(1_000_000))) },
  'chat.systemPrompt': { field: 'systemPrompt', schema: z.string().check(z.maxLength(20_000)) },
  'chat.responseCache': { field: 'responseCache', schema: z.boolean() },
  'chat.semanticCache': { field: 'semanticCache', schema: semanticCacheSettingSchema },
  'moderation.enabled': { field: 'moderationEnabled', schema: z.boolean() },
  'images.model': { field: 'imagesModel', schema: modelRefSchema },
  'images.folder': { field: 'imagesFolder', schema: z.string().check(z.minLength(1), z.maxLength(500)) },
  'requests.timeoutSeconds': { field: 'timeoutSeconds', schema: z.number().check(z.gte(1), z.lte(3600)) },
  'requests.deadlineSeconds': { field: 'deadlineSeconds', schema: z.number().check(z.gte(10), z.lte(86_400)) },
  'images.timeoutSeconds': { field: 'imagesTimeoutSeconds', schema: z.number().check(z.gte(10), z.lte(3600)) },
  'requests.maxRetries': { field: 'maxRetries', schema: z.int().check(z.gte(0), z.lte(10)) },
  'context.exclude': {
    field: 'contextExclude',
    schema: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.maxLength(1000)),
  },
  'context.projectInstructions': { field: 'projectInstructions', schema: z.boolean() },
  'tools.enabled': { field: 'toolsEnabled', schema: z.boolean() },
  'tools.maxSteps': { field: 'toolsMaxSteps', schema: z.int().check(z.gte(1), z.lte(100)) },
  'completions.model': { field: 'completionsModel', schema: modelRefSchema },
  'completions.disabledLanguages': {
    field: 'completionsDisabledLanguages',
    schema: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500)),
  },
  'completions.exclude': {
    field: 'completionsExclude',
    schema: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.maxLength(1000)),
  },
  'budget.daily': { field: 'budgetDaily', schema: budgetSchema },
  'budget.monthly': { field: 'budgetMonthly', schema: budgetSchema },
} as const satisfies Record<string, { field: keyof SwitchboardSettings; schema: z.ZodMiniType }>;

export type SettingKey = keyof typeof scalarSettings | 'providers';

export const settingKeys: readonly SettingKey[] = ['providers', ...(Object.keys(scalarSettings) as (keyof typeof scalarSettings)[])];

const providerSettingSchema = z.intersection(providerEntrySchema, z.looseObject({ rateLimits: z.optional(rateLimitsSchema) }));

/**
 * Reads and validates every setting. `get` returns the value the user set (undefined when unset), already taken
 * from the right place: the VS Code layer passes only user-level values for application-scoped settings, so a
 * repository's `.vscode/settings.json` never decides where a request or a key goes.
 */
export function readSwitchboardSettings(get: (key: SettingKey) => unknown): { settings: SwitchboardSettings; problems: SettingProblem[] } {
  const settings: SwitchboardSettings = {
    ...defaultSettings,
    providers: [],
    contextExclude: [...defaultSettings.contextExclude],
    completionsDisabledLanguages: [],
    completionsExclude: [...defaultSettings.completionsExclude],
  };
  const problems: SettingProblem[] = [];

  for (const [key, { field, schema }] of Object.entries(scalarSettings)) {
    const value = get(key as SettingKey);
    if (value === undefined) continue;
    const result = z.safeParse(schema as z.ZodMiniType, value);
    if (result.success) {
      // `null` means "use the provider's default".
      (settings as unknown as Record<string, unknown>)[field] = result.data ?? undefined;
    } else {
      problems.push({ setting: `switchboard.${key}`, message: describeIssues(result.error.issues) });
    }
  }

  const providers = get('providers');
  if (providers !== undefined) {
    if (!Array.isArray(providers)) {
      problems.push({ setting: 'switchboard.providers', message: 'must be a list of provider entries' });
    } else {
      const seen = new Set<string>();
      providers.forEach((entry: unknown, index) => {
        const name = `switchboard.providers[${index}]`;
        const result = z.safeParse(providerSettingSchema, entry);
        if (!result.success) {
          const id = typeof (entry as { id?: unknown })?.id === 'string' ? ` (“${(entry as { id: string }).id}”)` : '';
          problems.push({ setting: `${name}${id}`, message: describeIssues(result.error.issues) });
          return;
        }
        if (seen.has(result.data.id)) {
          problems.push({ setting: `${name} (“${result.data.id}”)`, message: 'another entry has the same id; only the first is used' });
          return;
        }
        seen.add(result.data.id);
        settings.providers.push(result.data as ProviderSetting);
      });
    }
  }
  return { settings, problems };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
