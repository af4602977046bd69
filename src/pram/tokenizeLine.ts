/**
 * A token of an instruction line; col is 1-based. A `{…}` immediate is one token holding the text inside;
 * `@name` (a label's instruction index, as a value) is one label token; operator characters of brace-less
 * expressions (`* / % ^ ( ) ! < > = & |`) are op tokens, one character each. Integers are decimal, hex
 * (`0x1F`) or binary (`0b101`).
 */
export type LineToken =
  | { readonly kind: "word"; readonly text: string; readonly col: number }
  | { readonly kind: "int"; readonly text: string; readonly col: number }
  | { readonly kind: "punct"; readonly text: "," | "[" | "]" | "+" | "-" | ":"; readonly col: number }
  | { readonly kind: "op"; readonly text: string; readonly col: number }
  | { readonly kind: "label"; readonly text: string; readonly col: number }
  | { readonly kind: "expr"; readonly text: string; readonly col: number };

const OPERATORS = "*/%^()!<>=&|";

/** Splits an instruction line (comment already removed); on a stray character returns its column instead. */
export function tokenizeLine(line: string): LineToken[] | { readonly badCol: number; readonly reason: string } {
  const tokens: LineToken[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    const col = i + 1;
    if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "," || c === "[" || c === "]" || c === "+" || c === "-" || c === ":") {
      tokens.push({ kind: "punct", text: c, col });
      i++;
    } else if (OPERATORS.includes(c)) {
      tokens.push({ kind: "op", text: c, col });
      i++;
    } else if (c === "{") {
      const close = line.indexOf("}", i);
      if (close < 0) return { badCol: col, reason: "'{' without a closing '}'" };
      tokens.push({ kind: "expr", text: line.slice(i + 1, close), col });
      i = close + 1;
    } else if (c === "@") {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i + 1));
      if (!m) return { badCol: col, reason: "'@' must be followed by a label name" };
      tokens.push({ kind: "label", text: m[0], col });
      i += 1 + m[0].length;
    } else {
      const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|0[xX][0-9A-Fa-f]+|0[bB][01]+|\d+)/.exec(line.slice(i));
      if (!m) return { badCol: col, reason: `unexpected character '${c}'` };
      if (/^\d/.test(m[0]) && /^[A-Za-z0-9_]/.test(line.slice(i + m[0].length))) return { badCol: col, reason: `malformed number '${/^\w+/.exec(line.slice(i))![0]}'` };
      tokens.push({ kind: /^\d/.test(m[0]) ? "int" : "word", text: m[0], col });
      i += m[0].length;
    }
  }
  return tokens;
}
