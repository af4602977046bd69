/** A place in a `.pram` file: 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export function formatLocation(at: SourceLocation): string {
  return `${at.file}:${at.line}:${at.col}`;
}
