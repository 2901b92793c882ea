// Test helper: a GBK encoder built from the platform's GB18030 decoder, so tests can write the files
// Chinese Excel saves ("ANSI" = GBK on a Chinese Windows) without an encoding library.
import { platformTextDecoder } from '../../shared/domain/import/decode';

type ByteTable = Map<string, number[]>;

/** Every character the platform's decoder gives for one lead byte and one trail byte; the first pair wins. */
function doubleByteTable(encoding: 'gb18030' | 'big5', leads: number[], trails: ReadonlyArray<readonly [number, number]>): ByteTable {
  const table: ByteTable = new Map();
  const decoder = platformTextDecoder(encoding, { fatal: false, ignoreBOM: true });
  for (const lead of leads) {
    for (const [from, to] of trails) {
      for (let trail = from; trail <= to; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
  }
  return table;
}

function encodeWith(table: ByteTable, name: string, text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`not in ${name}: ${ch}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

let gbkTable: ByteTable | null = null;

export function encodeGbk(text: string): Uint8Array {
  gbkTable ??= doubleByteTable('gb18030', range(0x81, 0xfe), [[0x40, 0x7e], [0x80, 0xfe]]);
  return encodeWith(gbkTable, 'GBK', text);
}

let big5Table: ByteTable | null = null;

/** Big5 (as Taiwan and Hong Kong Windows save text), built from the platform's Big5 decoder. */
export function encodeBig5(text: string): Uint8Array {
  // Big5 proper (A1–FE) before the Hong Kong additions below it, as the standard encoder does.
  big5Table ??= doubleByteTable('big5', [...range(0xa1, 0xfe), ...range(0x81, 0xa0)], [[0x40, 0x7e], [0xa1, 0xfe]]);
  return encodeWith(big5Table, 'Big5', text);
}

export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (endian === 'le') out.push(unit & 0xff, unit >> 8);
    else out.push(unit >> 8, unit & 0xff);
  }
  return new Uint8Array(out);
}
