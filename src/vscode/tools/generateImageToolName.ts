/** The image generation language-model tool's name, as package.json's `languageModelTools` contributes it (docs/images.md). */
export const generateImageToolName = 'switchboard_generateImage';
