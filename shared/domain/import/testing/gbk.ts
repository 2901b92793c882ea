// Test helper: a GBK encoder built from the platform's GB18030 decoder, so tests can write the files
// Chinese Excel saves ("ANSI" = GBK on a Chinese Windows) without an encoding library.
import { platformTextDecoder } from '../decode';

let table: Map<string, number[]> | null = null;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = platformTextDecoder('gb18030', { fatal: false, ignoreBOM: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = gbkTable().get(ch);
    if (!bytes) throw new Error(`not in GBK: ${ch}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
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

let big5Table: Map<string, number[]> | null = null;

/** Big5 (as Taiwan and Hong Kong Windows save text), built from the platform's Big5 decoder. */
export function encodeBig5(text: string): Uint8Array {
  if (!big5Table) {
    big5Table = new Map();
    const decoder = platformTextDecoder('big5', { fatal: false, ignoreBOM: true });
    // Big5 proper (A1–FE) before the Hong Kong additions below it, as the standard encoder does.
    const leads = [...Array.from({ length: 0xfe - 0xa1 + 1 }, (_, i) => 0xa1 + i), ...Array.from({ length: 0xa0 - 0x81 + 1 }, (_, i) => 0x81 + i)];
    for (const lead of leads) {
      for (const [from, to] of [[0x40, 0x7e], [0xa1, 0xfe]] as const) {
        for (let trail = from; trail <= to; trail++) {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (ch.length === 1 && ch !== '\uFFFD' && !big5Table.has(ch)) big5Table.set(ch, [lead, trail]);
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = big5Table.get(ch);
    if (!bytes) throw new Error(`not in Big5: ${ch}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
