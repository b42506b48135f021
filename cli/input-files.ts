/**
 * Only regular files are read. A FIFO is never opened (opening one blocks until a writer
 * comes), a device (/dev/zero, /dev/random) never read (it has no end), a socket or a folder
 * given as a file is refused at once, with a Dutch message and exit 2. The kind is taken
 * with fs.statSync, which follows a symbolic link without opening anything.
 */
import * as fs from "fs";
import { IkkError } from "../shared/errors";
import { formatDutch } from "../shared/numbers";
import { terminalSafe } from "./terminal-text";

/** The largest mapping file read (a real one is a few kB). */
export const MAX_MAPPING_BYTES = 1_000_000;

/** What a non-regular file is, in Dutch. */
function kindDutch(st: fs.Stats): string {
  if (st.isDirectory()) return "een map";
  if (st.isFIFO()) return "een pipe (FIFO)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "een apparaat";
  if (st.isSocket()) return "een socket";
  return "geen gewoon bestand";
}

/**
 * The file's stat when it is a regular file; otherwise a Dutch IkkError (`what`: "Het bestand",
 * "Het koppelingsbestand"). A missing file and a refused access are said as such.
 */
export function regularFileStat(file: string, what: string, expected: string): fs.Stats {
  const shown = terminalSafe(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new IkkError("ONBRUIKBAAR", `${what} "${shown}" kan niet gelezen worden: het bestaat niet.`);
    if (code === "EACCES" || code === "EPERM") throw new IkkError("ONBRUIKBAAR", `Geen toegang tot ${what.toLowerCase()} "${shown}".`);
    throw new IkkError("ONBRUIKBAAR", `${what} "${shown}" kan niet gelezen worden (${code ?? "onbekende fout"}).`);
  }
  if (!st.isFile()) {
    throw new IkkError("ONBRUIKBAAR", `"${shown}" is ${kindDutch(st)}, geen ${expected}; geef een gewoon bestand op (kopieer de inhoud eventueel eerst naar een bestand).`);
  }
  return st;
}

/**
 * Refuses an input workbook that exists but is no regular file (a folder is a batch, handled
 * before). A missing or unreadable file is left to the reader, which says so in its own words.
 */
export function assertRegularInput(file: string): void {
  let exists = true;
  try {
    fs.statSync(file);
  } catch {
    exists = false;
  }
  if (exists) regularFileStat(file, "Het bestand", ".xlsx-bestand");
}

/** The inputs of a batch with every non-regular file turned into its Dutch error (never opened). */
export function withRegularInputs<T extends { file: string } | { file: string; error: string }>(inputs: T[]): (T | { file: string; error: string })[] {
  return inputs.map((i) => {
    if ("error" in i) return i;
    try {
      assertRegularInput(i.file);
      return i;
    } catch (e) {
      return { file: i.file, error: (e as Error).message };
    }
  });
}

/**
 * The text of a mapping file: a regular file of at most MAX_MAPPING_BYTES, UTF-8, a leading
 * byte order mark (Windows Notepad writes one) dropped. Never reads more than the limit.
 */
export function readMappingText(file: string): string {
  const shown = terminalSafe(file);
  const st = regularFileStat(file, "Het koppelingsbestand", "koppelingsbestand (.json)");
  const tooBig = () =>
    new IkkError(
      "ONBRUIKBAAR",
      `Het koppelingsbestand "${shown}" is groter dan ${formatDutch(MAX_MAPPING_BYTES / 1_000_000, 0)} MB; een koppeling is een klein JSON-bestand (enkele kB). Controleer of u het goede bestand opgeeft.`,
    );
  if (st.size > MAX_MAPPING_BYTES) throw tooBig();
  let bytes: Buffer;
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    // Read at most one byte past the limit: the file may have grown since the stat.
    const buf = Buffer.alloc(Math.min(st.size, MAX_MAPPING_BYTES) + 1);
    let n = 0;
    for (;;) {
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    bytes = buf.subarray(0, n);
  } catch {
    throw new IkkError("ONBRUIKBAAR", `Het koppelingsbestand "${shown}" kan niet gelezen worden.`);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  if (bytes.length > MAX_MAPPING_BYTES) throw tooBig();
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
