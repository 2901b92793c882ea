// What a dropped file is, from its first bytes (not its name): a table the import reads, or a file
// it refuses with words saying what to do (an old .xls, a picture, a PDF, a Word file, an archive).

/** Files the import reads. */
export const READABLE_FILE_KINDS = ['text', 'xlsx'] as const;
/** Files the import refuses; each has its own message (import.refused.*). */
export const REFUSED_FILE_KINDS = ['xls', 'ods', 'numbers', 'word', 'presentation', 'pdf', 'image', 'archive', 'binary'] as const;
export type RefusedFileKind = (typeof REFUSED_FILE_KINDS)[number];
export type FileKind = (typeof READABLE_FILE_KINDS)[number] | RefusedFileKind;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Whether the ASCII text occurs in the bytes (ZIP entry names are stored uncompressed). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  const first = needle[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, needle, i)) return true;
  }
  return false;
}

const IMAGES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  ascii('GIF87a'),
  ascii('GIF89a'),
  [0x49, 0x49, 0x2a, 0x00], // TIFF little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF big-endian
];

function isImage(bytes: Uint8Array): boolean {
  if (IMAGES.some((sig) => startsWith(bytes, sig))) return true;
  // BMP: "BM", then its info header's size (40 in nearly all of them) at byte 14.
  if (startsWith(bytes, ascii('BM')) && [12, 40, 56, 108, 124].includes(bytes[14] ?? -1) && bytes[15] === 0) return true;
  // WebP, HEIC and AVIF: RIFF….WEBP and ….ftypheic.
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return true;
  return startsWith(bytes, ascii('ftyp'), 4) && ['heic', 'heix', 'mif1', 'avif'].some((b) => startsWith(bytes, ascii(b), 8));
}

function zipKind(bytes: Uint8Array): FileKind {
  if (containsAscii(bytes, 'xl/workbook') || containsAscii(bytes, 'xl/worksheets/')) return 'xlsx';
  if (containsAscii(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (containsAscii(bytes, 'word/document') || containsAscii(bytes, 'application/vnd.oasis.opendocument.text')) return 'word';
  if (containsAscii(bytes, 'ppt/presentation') || containsAscii(bytes, 'application/vnd.oasis.opendocument.presentation')) return 'presentation';
  if (containsAscii(bytes, 'Index/Document.iwa')) return 'numbers';
  return 'archive';
}

/**
 * Text has few control bytes. UTF-16 (with or without a BOM) has many zero bytes, all on one side of
 * each pair; a stray NUL in a CSV is text with a bad character, not a binary file.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return true;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  let control = 0;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  const pairs = n / 2;
  const utf16 = (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) || (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05);
  return utf16 || control <= n * 0.02;
}

/**
 * The kind of a file from its bytes; the file name only tells an old Word document from an old
 * Excel workbook (both are OLE2 compound files) and is otherwise ignored, as names lie.
 */
export function sniffFileKind(bytes: Uint8Array, fileName = ''): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
    return ext === 'doc' || ext === 'wps' ? 'word' : ext === 'ppt' ? 'presentation' : 'xls';
  }
  if (startsWith(bytes, ascii('%PDF'))) return 'pdf';
  if (isImage(bytes)) return 'image';
  if (startsWith(bytes, [0x1f, 0x8b]) || startsWith(bytes, ascii('Rar!')) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'archive';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'word';
  return looksLikeText(bytes) ? 'text' : 'binary';
}

export function isRefusedFileKind(kind: FileKind): kind is RefusedFileKind {
  return (REFUSED_FILE_KINDS as readonly string[]).includes(kind);
}
