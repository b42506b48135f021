/**
 * Generators of hostile .xlsx files at the zip level, for the reader's budgets: zip bombs
 * (a small file that inflates to a huge worksheet), bombs whose directory lies about the
 * size, whole-sheet and very many merges, sheets with too many cells. A tiny zip writer
 * (stored or deflated entries, any declared size) builds them, so a file can say what no
 * honest writer would. Every generator is deterministic and takes its size as an argument.
 */
import * as fs from "fs";
import * as zlib from "zlib";

export interface ZipPart {
  name: string;
  /** The part's bytes, or a deflate stream made elsewhere (then `raw` and `size`). */
  data?: Buffer | string;
  /** Already deflated bytes (method 8) and the true inflated size. */
  raw?: { deflated: Buffer; size: number; crc?: number };
  /** The uncompressed size the directory declares (default: the true size). */
  declaredSize?: number;
  /** 0 = stored, 8 = deflate (default). */
  method?: 0 | 8;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of the given parts. */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    let body: Buffer;
    let size: number;
    let crc: number;
    const method = p.raw ? 8 : (p.method ?? 8);
    if (p.raw) {
      body = p.raw.deflated;
      size = p.raw.size;
      crc = p.raw.crc ?? 0;
    } else {
      const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data ?? "", "utf8");
      body = method === 8 ? zlib.deflateRawSync(data) : data;
      size = data.length;
      crc = crc32(data);
    }
    const declared = p.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x800, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(declared >>> 0, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The fixed parts of a one-sheet workbook around the given worksheet part. */
export function workbookParts(sheet: ZipPart | string, sheetName = "Blad1"): ZipPart[] {
  const sheetPart: ZipPart = typeof sheet === "string" ? { name: "xl/worksheets/sheet1.xml", data: sheet } : { ...sheet, name: "xl/worksheets/sheet1.xml" };
  return [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: "xl/workbook.xml", data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    sheetPart,
  ];
}

/** A worksheet with a few ordinary cells and the given extra XML after sheetData (merges). */
export function smallSheet(after = ""): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>` +
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Peildatum</t></is></c><c r="B1"><v>2026</v></c></row>` +
    `<row r="2"><c r="A2" t="inlineStr"><is><t>Aantal LRK-registraties</t></is></c><c r="B2"><v>3</v></c></row>` +
    `</sheetData>${after}</worksheet>`
  );
}

/** One whole-sheet merge (the 1,6 KB file that made exceljs run out of memory). */
export function wholeSheetMerge(): Buffer {
  return buildZip(workbookParts(smallSheet(`<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`)));
}

/** n small merges (2 × 1 cells each) far below the data, one per row. */
export function manyMerges(n: number): Buffer {
  const merges: string[] = [];
  for (let i = 0; i < n; i++) merges.push(`<mergeCell ref="C${i + 10}:D${i + 10}"/>`);
  return buildZip(workbookParts(smallSheet(`<mergeCells count="${n}">${merges.join("")}</mergeCells>`)));
}

/** A sheet with rows × cols numeric cells. */
export function manyCells(rows: number, cols: number): Buffer {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c><v>${(r * c) % 97}</v></c>`;
    parts.push(row + "</row>");
  }
  parts.push("</sheetData></worksheet>");
  return buildZip(workbookParts(parts.join("")));
}

/** The repeated unit of a bomb's row XML: one row of ten numeric cells (about 400 bytes). */
const BOMB_ROW = `<row r="5">${Array.from({ length: 10 }, (_, i) => `<c r="${String.fromCharCode(65 + i)}5"><v>123456789</v></c>`).join("")}</row>`;

/**
 * A deflate stream of a worksheet of about `bytes` bytes of row XML (a row of ten cells and
 * white space between rows, as XML allows). Each 1 MB chunk is
 * deflated once on its own (ending on a sync flush, so the pieces join into one valid
 * stream) and repeated: a 1 GB worksheet costs about 1 MB and no time to make.
 */
export function deflatedRowXml(bytes: number): { deflated: Buffer; size: number } {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`);
  const tail = Buffer.from(`</sheetData></worksheet>`);
  // A row, then white space up to 1 MB: a run of one byte deflates about 1 000 : 1.
  const chunk = Buffer.from(BOMB_ROW + " ".repeat((1 << 20) - BOMB_ROW.length));
  const sync = (b: Buffer): Buffer => zlib.deflateRawSync(b, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const pieces: Buffer[] = [sync(head)];
  let size = head.length;
  const chunkDeflated = sync(chunk);
  while (size + chunk.length + tail.length <= bytes) {
    pieces.push(chunkDeflated);
    size += chunk.length;
  }
  pieces.push(zlib.deflateRawSync(tail, { level: 9 }));
  size += tail.length;
  return { deflated: Buffer.concat(pieces), size };
}

/** A zip bomb: a worksheet of about `inflatedBytes` bytes of row XML; `lie` declares 1 KB instead. */
export function zipBomb(inflatedBytes: number, lie = false): Buffer {
  const raw = deflatedRowXml(inflatedBytes);
  return buildZip(workbookParts({ name: "xl/worksheets/sheet1.xml", raw, declaredSize: lie ? 1024 : raw.size }));
}

export function writeFile(file: string, data: Buffer): string {
  fs.writeFileSync(file, data);
  return file;
}
