// The image-commands bundle (dist/imageCommands.js, loaded on first use through loadImageCommands.ts): generating
// images, editing and animating them, and inserting references to them (docs/images.md). Activation holds only
// ImageFeature, which builds these on the first image command, `/image` or image button in the chat.
export { ImageGenerator } from './imageGenerator';
export { EditImageCommand } from './editImageCommand';
export { AnimateImageCommand } from './animateImageCommand';
export { GenerateImageTool } from './generateImageTool';
export { ImageSpend } from './imageSpend';
