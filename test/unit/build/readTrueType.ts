// A small reader of the TrueType tables the codicon tests need, written from the OpenType specification (Microsoft
// Typography, "OpenType specification": the table directory, 'cmap' formats 4 and 12, 'head', 'maxp', 'loca',
// 'glyf'). It is independent of harfbuzz, which makes the subset, so a test does not take the subsetter's word.

export interface TrueTypeFont {
  /** The table tags, in directory order. */
  tables: string[];
  /** Unicode codepoint → glyph id, from the font's Unicode 'cmap' subtable. */
  cmap: Map<number, number>;
  numGlyphs: number;
  /** The byte length of a glyph's outline in 'glyf' (0 for an empty glyph). */
  glyphLength(glyphId: number): number;
}

export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error(`not a TrueType font (version 0x${version.toString(16)})`);
  const directory = new Map<string, { offset: number; length: number }>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    directory.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  const table = (tag: string): { offset: number; length: number } => {
    const entry = directory.get(tag);
    if (!entry) throw new Error(`no '${tag}' table`);
    return entry;
  };

  const numGlyphs = view.getUint16(table('maxp').offset + 4);
  const longLoca = view.getInt16(table('head').offset + 50) === 1;
  const loca = table('loca').offset;
  const locaAt = (index: number): number => (longLoca ? view.getUint32(loca + 4 * index) : 2 * view.getUint16(loca + 2 * index));

  return {
    tables: [...directory.keys()],
    cmap: readCmap(view, table('cmap').offset),
    numGlyphs,
    glyphLength: (glyphId) => {
      if (glyphId < 0 || glyphId >= numGlyphs) throw new Error(`glyph ${glyphId} out of range (${numGlyphs} glyphs)`);
      return locaAt(glyphId + 1) - locaAt(glyphId);
    },
  };
}

/** The best Unicode subtable: format 12 (full repertoire) over format 4 (BMP). */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const subtables: { format: number; offset: number }[] = [];
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap + view.getUint32(record + 4);
    // Unicode platform, or Windows with Unicode BMP (1) or full repertoire (10).
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))
      subtables.push({ format: view.getUint16(offset), offset });
  }
  const format12 = subtables.find((s) => s.format === 12);
  if (format12) return readFormat12(view, format12.offset);
  const format4 = subtables.find((s) => s.format === 4);
  if (format4) return readFormat4(view, format4.offset);
  throw new Error(`no Unicode cmap subtable of format 4 or 12 (found ${subtables.map((s) => s.format).join(', ') || 'none'})`);
}

function readFormat12(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const groups = view.getUint32(offset + 12);
  for (let i = 0; i < groups; i++) {
    const group = offset + 16 + 12 * i;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const glyph = view.getUint32(group + 8);
    for (let code = start; code <= end; code++) map.set(code, glyph + code - start);
  }
  return map;
}

function readFormat4(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + 2 * s);
    const start = view.getUint16(starts + 2 * s);
    const delta = view.getInt16(deltas + 2 * s);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const at = rangeOffsets + 2 * s + rangeOffset + 2 * (code - start);
        const raw = view.getUint16(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(code, glyph);
    }
  }
  return map;
}
