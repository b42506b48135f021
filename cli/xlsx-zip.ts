/**
 * A minimal zip reader for .xlsx files: the central directory is read from the file's end,
 * and only the parts asked for are inflated, each with a hard cap on its actual output
 * (zlib's maxOutputLength), whatever size the directory declares. Parts the check never
 * reads (images, drawings, themes, printer settings) are never inflated.
 */
import * as zlib from "zlib";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** Thrown for a file that is not a readable zip archive; the caller words it in Dutch. */
export class ZipFormatError extends Error {}
/** Thrown when inflating would pass the byte budget. */
export class ZipBudgetError extends Error {}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

/** The zip's directory: entry name → entry. Names are stored without a leading "/". */
export function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  // End of central directory: 22 bytes plus a comment of at most 65 535 bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("geen zip-inhoudsopgave gevonden");
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ZipFormatError("zip64-archief");
  if (cdOffset + cdSize > buf.length) throw new ZipFormatError("inhoudsopgave valt buiten het bestand");
  const out = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) throw new ZipFormatError("beschadigde inhoudsopgave");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const declaredSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    let name = buf.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLength);
    if (name.startsWith("/")) name = name.slice(1);
    if (!out.has(name)) out.set(name, { name, method, flags, compressedSize, declaredSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Counts the inflated bytes of every part read from one file against one budget. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit: number) {}
  get remaining(): number {
    return Math.max(0, this.limit - this.used);
  }
}

/**
 * The bytes of one entry, inflated with a cap: the declared size is checked first, and the
 * actual output can never pass the budget's remainder (a lying directory changes nothing).
 */
export function inflateEntry(buf: Buffer, entry: ZipEntry, budget: InflateBudget): Buffer {
  if (entry.flags & 0x1) throw new ZipFormatError(`onderdeel ${entry.name} is versleuteld`);
  if (entry.declaredSize > budget.remaining) throw new ZipBudgetError(entry.name);
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC_SIG) throw new ZipFormatError(`onderdeel ${entry.name} ontbreekt`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError(`onderdeel ${entry.name} is afgekapt`);
  const data = buf.subarray(start, end);
  let out: Buffer;
  if (entry.method === 0) {
    out = data;
    if (out.length > budget.remaining) throw new ZipBudgetError(entry.name);
  } else if (entry.method === 8) {
    if (budget.remaining === 0) throw new ZipBudgetError(entry.name);
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: budget.remaining });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) throw new ZipBudgetError(entry.name);
      throw new ZipFormatError(`onderdeel ${entry.name} is beschadigd`);
    }
  } else {
    throw new ZipFormatError(`onderdeel ${entry.name} gebruikt een onbekende compressie (${entry.method})`);
  }
  budget.used += out.length;
  return out;
}
