/**
 * Text values in Apps Script document properties, split over several keys when long.
 * A property value may be at most 9 KB (quota "Properties value size"), and a saved
 * table mapping or many marks can be longer. A short text is stored as is under its key;
 * a long one as a header "ikk-delen:N" under the key and the parts under "key.1".."key.N".
 * No JSON text starts with "i", so a header is never mistaken for a value.
 */

/** The part of Apps Script's Properties the store uses. */
export interface PropertyStore {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  setProperties(properties: Record<string, string>): unknown;
  deleteProperty(key: string): unknown;
}

/** Characters per property value: at most 3 UTF-8 bytes each (no surrogate pair is split), so ≤ 6 KB < 9 KB. */
export const PART_LENGTH = 2000;
const HEADER = /^ikk-delen:(\d+)$/;

function partCount(raw: string | null): number {
  const m = raw === null ? null : HEADER.exec(raw);
  return m ? Number(m[1]) : 0;
}

/** Splits text into parts of at most `length` characters, never between the halves of a surrogate pair. */
export function splitText(text: string, length = PART_LENGTH): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + length, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts;
}

/** The text stored under key, or null. One getProperty; one getProperties more when the text was split. */
export function readText(store: PropertyStore, key: string): string | null {
  const raw = store.getProperty(key);
  if (raw === null || raw === undefined) return null;
  const parts = partCount(raw);
  if (parts === 0) return raw;
  const all = store.getProperties();
  let text = "";
  for (let i = 1; i <= parts; i++) {
    const part = all[`${key}.${i}`];
    if (typeof part !== "string") return null; // incomplete: treat as not stored
    text += part;
  }
  return text;
}

/**
 * Stores text under key (null removes it): one getProperty (to find parts of an earlier
 * long value), one setProperties, and a deleteProperty per part no longer needed.
 */
export function writeText(store: PropertyStore, key: string, text: string | null): void {
  const before = partCount(store.getProperty(key));
  let after = 0;
  if (text === null) {
    store.deleteProperty(key);
  } else if (text.length <= PART_LENGTH) {
    store.setProperties({ [key]: text });
  } else {
    const parts = splitText(text);
    after = parts.length;
    const values: Record<string, string> = { [key]: `ikk-delen:${after}` };
    parts.forEach((p, i) => (values[`${key}.${i + 1}`] = p));
    store.setProperties(values);
  }
  for (let i = after + 1; i <= before; i++) store.deleteProperty(`${key}.${i}`);
}
