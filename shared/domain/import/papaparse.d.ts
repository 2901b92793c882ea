// The part of papaparse's API this project uses. Deliberately local instead of @types/papaparse:
// those typings reference Node's types, which would leak Buffer & co. into shared/'s typecheck.
declare module 'papaparse' {
  export interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
    message: string;
    /** Index of the record in `data` (absent for file-wide errors). */
    row?: number;
    index?: number;
  }
  export interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    cursor: number;
  }
  export interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface ParseConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    escapeChar?: string;
    header?: false;
    dynamicTyping?: false;
    skipEmptyLines?: boolean | 'greedy';
    delimitersToGuess?: string[];
    comments?: false | string;
  }
  export function parse(input: string, config?: ParseConfig): ParseResult<string[]>;
  const Papa: { parse: typeof parse };
  export default Papa;
}
