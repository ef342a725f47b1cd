// What a chat API does with an inline image before anything else: decode the base64 and look at the bytes' magic
// number. Shared by the chat fakes (openAiFake, anthropicFake, geminiFake), each of which words its refusals the
// way its own service does.

/** Strict base64 (RFC 4648 §4, with padding), as the services decode it: no whitespace, no URL-safe alphabet. */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

/** The image type the bytes really are (by their signature), or undefined for anything else. */
export function sniffImageType(base64Data: string): string | undefined {
  const bytes = Buffer.from(base64Data, 'base64');
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (/^GIF8[79]a/.test(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif';
  return undefined;
}
