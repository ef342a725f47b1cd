// The provider engine as one bundle (dist/engine.js): everything that pulls in undici and the protocol clients.
// The extension loads it on first use, not at activation (docs/performance.md), only through ProviderEngineHost
// (src/vscode/engine/providerEngineHost.ts); src/vscode imports nothing but types from the modules bundled here.
//
// Classes cross the bundle boundary: code in the extension bundle must not use `instanceof` on what comes from
// here (its own copy of a class is a different class); it uses the `kind`/`name` fields instead.
export { ProviderEngine } from './providerEngine';
export type { ProviderEngineConfig, ProviderModels } from './providerEngine';
// Inline completions (issue 18): ProviderEngine.complete and completionProtocol take and give these.
export type {
  CompletionInput,
  CompletionProtocol,
  CompletionRequest,
  CompletionResult,
  CompletionSnippet,
} from './completions/completionTypes';
export { defaultCompletionTimeoutMs } from './completions/completionService';
export { checkProviderKey } from './keys/checkProviderKey';
export type { KeyCheck } from './keys/checkProviderKey';
export { imageSizeChoices } from './images/imageSizeChoices';
export type { ImageSizeChoice } from './images/imageSizeChoices';

// Also loaded only when a command first needs them: the selection commands' prompts and reply handling, and
// saving images into the workspace.
export { applyPromptOverrides } from './prompts/applyPromptOverrides';
export { buildSelectionPrompt } from './prompts/buildSelectionPrompt';
export { defaultPromptTemplates } from './prompts/defaultPromptTemplates';
export { readPromptOverrides } from './prompts/promptOverridesSchema';
export { truncateToBudget } from './prompts/truncateToBudget';
export { extractCodeFromReply } from './edits/extractCode';
export { extractCodeSoFar } from './edits/extractCodeSoFar';
export { reindentToOriginal } from './edits/reindent';
export { pickFreeTestFilePath, proposeTestFilePath } from './edits/testFileName';
export { imageReference, referenceSyntaxOf } from './images/imageReference';
export { planImageReference } from './images/planImageReference';
export type { ReferencePlan, ReferenceTarget } from './images/planImageReference';
export { relativeImagePath } from './images/relativeImagePath';
export { resolveImageFolder } from './images/resolveImageFolder';
export { writeImageFiles } from './images/writeImageFiles';

// Editing and animating images (issue 16, docs/images.md "Editing and animating"): the source image read and checked,
// videos saved, and a sidecar read back for a variation.
export { readSourceImage } from './images/readSourceImage';
export { readImageSidecar } from './images/readImageSidecar';
export type { ImageSidecar } from './images/readImageSidecar';
export { writeVideoFile } from './images/writeVideoFile';
export type { WrittenVideo } from './images/writeVideoFile';

// The conversation store (its schema, merging and forking, the files on disk): first needed when the chat opens a
// conversation, so it is built then (src/vscode/chat/lazyConversationStore.ts), not at activation.
export { ConversationStore } from './conversations/conversationStore';

// The English error templates, for the extension bundle's stand-in (src/vscode/errors/lazyErrorTemplates.ts).
export * as errorTemplateModule from './errors/errorTemplates';

// Workspace context (issue 14): reading files and folders the user points at, the exclusion and .gitignore rules, the
// `@` picker's fuzzy index, and fitting a request to the model's context window (docs/chat.md, "Workspace context").
export { createContextExclusion } from './context/contextExclusion';
export type { ContextExclusion } from './context/contextExclusion';
export { defaultContextReadLimits } from './context/contextLimits';
export type { ContextReadLimits } from './context/contextLimits';
export { FuzzyFileIndex } from './context/fuzzyFileIndex';
export type { FileIndexEntry, FileSuggestion } from './context/fuzzyFileIndex';
export { createGitignoreFilter } from './context/gitignoreFilter';
export type { GitignoreFilter } from './context/gitignoreFilter';
export { readFileContext } from './context/readFileContext';
export type { FileToRead, ReadContextOptions } from './context/readFileContext';
export { readFolderContext } from './context/readFolderContext';
export type { FolderToRead, ReadFolderOptions } from './context/readFolderContext';
export { fitRequestToWindow } from './context/fitRequestToWindow';

// Applying code (issue 15): where a code block from an answer belongs in its file, and writing it there with the
// file's line endings and indentation (docs/chat.md, "Applying code").
export { placeFragment } from './edits/placeFragment';
export type { PlaceFragmentInput, PlacedRange, Placement, PlacementRule, SymbolOutline } from './edits/placeFragment';
export { applyPlacement, insertFragmentAt } from './edits/applyPlacement';
export { scanFences } from './edits/scanFences';

// Images attached to chat messages (issue 16): stored once by content hash in the extension's storage, and what a
// request becomes for a model that cannot see them.
export { AttachmentStore, referencedAttachments } from './attachments/attachmentStore';
export { imagesAsNotes } from './chat/imagesAsNotes';
export type { VisionAnswer } from './providers/visionSupport';

// Tools (issue 17, docs/chat.md "Tools"): the built-in tools' definitions and argument checks, the ones that run in
// core (read, list and search the workspace within resolveToolPath's rules), ripgrep's command line and output
// reader for the search the extension runs, and the text an edit proposal makes for the review.
export { builtinTools } from './tools/builtinTools';
export { resolveToolPath } from './tools/resolveToolPath';
export type { ToolPath, ToolPathResolution } from './tools/resolveToolPath';
export { runReadFile } from './tools/runReadFile';
export { runListFiles } from './tools/runListFiles';
export { searchWorkspaceText } from './tools/searchWorkspaceText';
export { ripgrepArgs } from './tools/ripgrepArgs';
export { findRipgrep, ripgrepCandidates } from './tools/ripgrepCandidates';
export { portableJsonSchema } from './tools/portableJsonSchema';
export { RipgrepJsonReader } from './tools/ripgrepJson';
export { applyEditProposal, proposalTargetRefusal } from './tools/applyEditProposal';
export { toolDenied, toolError } from './tools/toolError';
export { defaultToolLimits } from './tools/toolLimits';
export type { ToolLimits, ToolRunOptions } from './tools/toolLimits';
export type { ToolFolder, ToolWorkspace } from './tools/toolWorkspace';

// Running a chat turn (issue 13) and its tool loop (issue 17): a turn needs the engine anyway, so the turn code loads
// with it rather than at activation (src/vscode/chat/chatController.ts reaches it through ProviderEngineHost).
export { runTurn } from './turns/turnRunner';
export { editAndResend, regenerate, retry } from './turns/turnActions';

// Inline completions, the extension's side of each request (issue 18, docs/completions.md): building the input from
// the document (cheap enough for every keystroke), cleaning the model's answer, the cache of answers and the adaptive
// debounce. The extension reaches them through ProviderEngineHost (src/vscode/completions/inlineCompleter.ts).
export { buildCompletionInput, defaultCompletionBudget } from './completions/completionInput';
export type { CompletionBudget, CompletionFile, OtherFile } from './completions/completionInput';
export { postProcessCompletion } from './completions/postProcessCompletion';
export type { PostProcessOptions } from './completions/postProcessCompletion';
export { CompletionCache } from './completions/completionCache';
export type { CompletionCacheLimits, CompletionCacheStats } from './completions/completionCache';
export { AdaptiveDebounce } from './completions/adaptiveDebounce';
export type { DebounceLimits } from './completions/adaptiveDebounce';

// Moderation before sending, embeddings and the semantic cache (issue 19, docs/moderation-and-caching.md): reached
// through ProviderEngine.moderate, .embed, .semanticChat and .semanticCacheStatus.
export type { ModerationOutcome, ModerationVerdict } from './moderation/moderationTypes';
export type { SemanticCacheStatus } from './semanticCache/semanticCacheService';

// Prices, cost and budgets (issue 19, docs/spend.md): the budget keeper the extension's Pricing holds, and what the
// image commands need to price a result and check a request before it is sent.
export { BudgetKeeper, budgetErrorCode, budgetHeldText, chatSpendEntries } from './pricing/budgetKeeper';
export { AnswerCost } from './turns/answerCost';
export { costOf, imageCost, usageCost, worstImageCost } from './pricing/costOf';
