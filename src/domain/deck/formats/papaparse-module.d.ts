/**
 * Types for the part of papaparse the importers use (string input, synchronous, `step`).
 *
 * Imported by its file path, 'papaparse/papaparse.js', rather than 'papaparse': the
 * DefinitelyTyped package for 'papaparse' references Node's types, which would leak Node
 * globals (Buffer, process) into the pure domain compile (tsconfig.domain.json has no types).
 */
declare module 'papaparse/papaparse.js' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  }
  export interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    /** Index in the input just after the last row read. */
    cursor: number;
  }
  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface StepResult {
    data: string[];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface ParseConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    escapeChar?: string;
    preview?: number;
    step?: (result: StepResult, parser: { abort(): void }) => void;
  }
  export function parse(input: string, config: ParseConfig): ParseResult;
  const Papa: { parse: typeof parse };
  export default Papa;
}
