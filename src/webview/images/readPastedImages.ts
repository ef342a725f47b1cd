// The image files a paste or a drop carries. A paste that carries text as well (a spreadsheet's cells come with a
// picture of them, a web page's text with its images) is left to paste its text: the picture is a by-product there.
// GIF and SVG files count as images here, so that they are refused with the reason rather than ignored.

const imageName = /\.(png|jpe?g|webp|gif|svg|bmp|avif)$/i;

export function isImageFile(file: File): boolean {
  return file.type.startsWith('image/') || imageName.test(file.name);
}

/** The images to attach from a clipboard event's data; none when it carries text. */
export function readPastedImages(data: DataTransfer | null): File[] {
  if (!data || data.getData('text/plain').trim() !== '') return [];
  return Array.from(data.files).filter(isImageFile);
}
