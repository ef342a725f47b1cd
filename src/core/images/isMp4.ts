/**
 * Whether bytes are an MP4 (ISO base media file): the first box is `ftyp`, its type at offset 4 (ISO/IEC 14496-12,
 * 4.3), after a 32-bit size that is at least the 8 bytes of the box header.
 */
export function isMp4(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const size = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  const type = String.fromCharCode(...bytes.subarray(4, 8));
  return type === 'ftyp' && (size === 1 || size >>> 0 >= 8);
}
