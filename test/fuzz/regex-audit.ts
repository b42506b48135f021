/**
 * A static audit of regular expressions for super-linear backtracking. Not a full
 * analysis: it finds the shapes that made the engine hang on hostile cells.
 * - adjacent: an unbounded repetition of a character class followed (across optional
 *   single characters) by another unbounded repetition whose class overlaps it
 *   (/\s*[\r\n]+\s*‍/, /\s*[:–-]?\s*‍/): the input can be split between them in many ways;
 * - leading: an alternative that is not anchored at the start but begins with an unbounded
 *   repetition followed by more (/\s+$/, /\s*\n\s*‍/): the search retries from every position
 *   of a long run and rescans the run each time;
 * - nested: an unbounded repetition of a group that itself holds an unbounded repetition
 *   (/(a+)+/); a reviewed exception lists why its repetitions cannot overlap.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export interface RegexLiteral {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** Every regular-expression literal in the TypeScript files under `dir`. */
export function regexLiterals(dir: string): RegexLiteral[] {
  const out: RegexLiteral[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d)) {
      const p = path.join(d, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts")) {
        const src = ts.createSourceFile(p, fs.readFileSync(p, "utf8"), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node) => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const text = node.getText(src);
            const end = text.lastIndexOf("/");
            out.push({ file: p, line: src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1, source: text.slice(1, end), flags: text.slice(end + 1) });
          }
          ts.forEachChild(node, visit);
        };
        visit(src);
      }
    }
  };
  walk(dir);
  return out;
}

type Term =
  | { kind: "char"; src: string; min: number; max: number }
  | { kind: "group"; alts: Term[][]; min: number; max: number; look: boolean }
  | { kind: "assert"; src: string; min: number; max: number };

/** Parses a pattern into alternatives of terms (enough for the audit; throws on what it cannot read). */
export function parse(source: string): Term[][] {
  let i = 0;
  const alternatives = (): Term[][] => {
    const alts: Term[][] = [[]];
    while (i < source.length && source[i] !== ")") {
      if (source[i] === "|") {
        i++;
        alts.push([]);
        continue;
      }
      const term = atom();
      quantifier(term);
      alts[alts.length - 1].push(term);
    }
    return alts;
  };
  const atom = (): Term => {
    const ch = source[i];
    if (ch === "(") {
      i++;
      let look = false;
      if (source[i] === "?") {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(source.slice(i));
        if (!m) throw new Error(`cannot read group at ${i} in ${source}`);
        look = m[0] !== "?:" && !m[0].startsWith("?<") ? true : m[0] === "?<=" || m[0] === "?<!";
        i += m[0].length;
      }
      const alts = alternatives();
      if (source[i] !== ")") throw new Error(`unclosed group in ${source}`);
      i++;
      return { kind: "group", alts, min: 1, max: 1, look };
    }
    if (ch === "^" || ch === "$") {
      i++;
      return { kind: "assert", src: ch, min: 1, max: 1 };
    }
    if (ch === "[") {
      const start = i;
      i++;
      if (source[i] === "^") i++;
      if (source[i] === "]") i++;
      while (source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
      i++;
      return { kind: "char", src: source.slice(start, i), min: 1, max: 1 };
    }
    if (ch === "\\") {
      const m = /^\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[1-9]\d*|k<\w+>|.)/.exec(source.slice(i))!;
      i += m[0].length;
      if (m[0] === "\\b" || m[0] === "\\B") return { kind: "assert", src: m[0], min: 1, max: 1 };
      return { kind: "char", src: m[0], min: 1, max: 1 };
    }
    i++;
    return { kind: "char", src: ch, min: 1, max: 1 };
  };
  const quantifier = (t: Term) => {
    const m = /^(?:\*|\+|\?|\{(\d+)(,(\d*))?\})\??/.exec(source.slice(i));
    if (!m) return;
    i += m[0].length;
    const q = m[0].replace(/\?$/, "") || "?";
    if (q.startsWith("*")) [t.min, t.max] = [0, Infinity];
    else if (q.startsWith("+")) [t.min, t.max] = [1, Infinity];
    else if (q.startsWith("?")) [t.min, t.max] = [0, 1];
    else [t.min, t.max] = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3])];
  };
  const alts = alternatives();
  if (i !== source.length) throw new Error(`unbalanced ) in ${source}`);
  return alts;
}

/** The sample alphabet a class is tested on: ASCII, the white space of \s and a few letters the engine reads. */
const SAMPLE = [...Array.from({ length: 128 }, (_, k) => String.fromCharCode(k)), "\u00a0", "\u2009", "\u2028", "\u3000", "\ufeff", "é", "–", "−", "€", "×", "‘"];

function charSet(src: string, flags: string): Set<string> {
  const re = new RegExp(`^(?:${src})$`, flags.replace(/[gy]/g, ""));
  return new Set(SAMPLE.filter((c) => re.test(c)));
}

const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((c) => b.has(c));

export interface Problem {
  rule: "adjacent" | "leading" | "nested";
  detail: string;
}

function hasUnbounded(alts: Term[][]): boolean {
  return alts.some((seq) => seq.some((t) => t.max === Infinity || (t.kind === "group" && hasUnbounded(t.alts))));
}

/** The problems of one pattern (empty: none of the shapes above). */
export function audit(source: string, flags: string): Problem[] {
  const problems: Problem[] = [];
  const sequence = (seq: Term[], top: boolean) => {
    // leading: not anchored, an unbounded class first (after optional single characters), then more.
    if (top && !flags.includes("y")) {
      let k = 0;
      while (k < seq.length && seq[k].kind === "char" && seq[k].min === 0 && seq[k].max !== Infinity) k++;
      const first = seq[k];
      if (first && first.kind === "char" && first.max === Infinity && k + 1 < seq.length) {
        problems.push({ rule: "leading", detail: `${first.src} at the start, not anchored, followed by more` });
      }
    }
    for (let a = 0; a < seq.length; a++) {
      const t = seq[a];
      if (t.kind === "group") {
        if (t.max === Infinity && hasUnbounded(t.alts)) problems.push({ rule: "nested", detail: `a repeated group holds a repetition` });
        for (const alt of t.alts) sequence(alt, false);
        continue;
      }
      if (t.kind !== "char" || t.max !== Infinity) continue;
      const set = charSet(t.src, flags);
      for (let b = a + 1; b < seq.length; b++) {
        const u = seq[b];
        if (u.kind !== "char") break;
        const uSet = charSet(u.src, flags);
        if (!overlaps(set, uSet)) {
          if (u.min === 0) continue; // an optional character the run cannot take: look past it
          break;
        }
        if (u.max === Infinity) {
          problems.push({ rule: "adjacent", detail: `${t.src} then ${u.src}` });
          break;
        }
      }
    }
  };
  for (const seq of parse(source)) sequence(seq, true);
  return problems;
}
