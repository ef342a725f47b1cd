// The provider engine as one bundle (dist/engine.js): everything that pulls in undici and the protocol clients.
// The extension loads it on first use, not at activation (docs/performance.md), only through ProviderEngineHost
// (src/vscode/engine/providerEngineHost.ts); src/vscode imports nothing but types from the modules bundled here.
//
// Classes cross the bundle boundary: code in the extension bundle must not use `instanceof` on what comes from
// here (its own copy of a class is a different class); it uses the `kind`/`name` fields instead.
export { ProviderEngine } from './providerEngine';
export type { ProviderEngineConfig, ProviderModels } from './providerEngine';
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
export { imageReference } from './images/imageReference';
export { relativeImagePath } from './images/relativeImagePath';
export { resolveImageFolder } from './images/resolveImageFolder';
export { writeImageFiles } from './images/writeImageFiles';
