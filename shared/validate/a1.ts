/** A1-style addresses for 0-based row/column indexes. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (0, 0) → "A1". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** (0, 0, 2, 3) → "A1:D3"; a single cell gives "A1". */
export function rangeAddress(row1: number, col1: number, row2: number, col2: number): string {
  const a = cellAddress(row1, col1);
  const b = cellAddress(row2, col2);
  return a === b ? a : `${a}:${b}`;
}

export interface CellRef {
  row: number;
  col: number;
}

/** "B3" → { row: 2, col: 1 }; "$B$3" works too. Returns null for anything else. */
export function parseCell(a1: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** "A1:D3" (or "A1") → the corners, top-left first. Returns null if unreadable. */
export function parseRange(a1: string): { start: CellRef; end: CellRef } | null {
  const [p, q] = a1.split(":");
  const start = parseCell(p);
  const end = q === undefined ? start : parseCell(q);
  if (!start || !end) return null;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}
