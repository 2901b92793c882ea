import { describe, expect, it } from 'vitest';
import { isRefusedFileKind, sniffFileKind } from './fileKind';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const zipWith = (...names: string[]) => bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], ...names.flatMap((n) => [n, [0, 0, 0, 0]]));

describe('sniffFileKind', () => {
  it('refuses pictures, PDFs and archives by their first bytes, whatever the name says', () => {
    expect(sniffFileKind(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '客户.csv')).toBe('image');
    expect(sniffFileKind(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'photo.jpg')).toBe('image');
    expect(sniffFileKind(bytes('GIF89a', [1, 0, 1, 0]))).toBe('image');
    expect(sniffFileKind(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image');
    expect(sniffFileKind(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBe('image');
    expect(sniffFileKind(bytes('%PDF-1.7\n%âãÏÓ\n'), 'report.xlsx')).toBe('pdf');
    expect(sniffFileKind(bytes([0x1f, 0x8b, 8, 0]))).toBe('archive');
    expect(sniffFileKind(bytes('Rar!', [0x1a, 7, 0]))).toBe('archive');
  });

  it('tells the Office files inside a ZIP apart', () => {
    expect(sniffFileKind(zipWith('[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'))).toBe('xlsx');
    expect(sniffFileKind(zipWith('[Content_Types].xml', 'word/document.xml'))).toBe('word');
    expect(sniffFileKind(zipWith('[Content_Types].xml', 'ppt/presentation.xml'))).toBe('presentation');
    expect(sniffFileKind(zipWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))).toBe('ods');
    expect(sniffFileKind(zipWith('Index/Document.iwa'))).toBe('numbers');
    expect(sniffFileKind(zipWith('photos/1.jpg', 'readme.txt'))).toBe('archive');
  });

  it('names an old binary workbook (OLE2) as .xls, or a Word/PowerPoint one by its name', () => {
    const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(sniffFileKind(ole, '会员.xls')).toBe('xls');
    expect(sniffFileKind(ole, 'data')).toBe('xls');
    expect(sniffFileKind(ole, '名单.doc')).toBe('word');
    expect(sniffFileKind(ole, 'slides.ppt')).toBe('presentation');
    expect(sniffFileKind(bytes('{\\rtf1\\ansi hello}'))).toBe('word');
  });

  it('reads text in any encoding as text, a stray NUL included; other binary is refused', () => {
    expect(sniffFileKind(bytes('姓名,手机\n张三,13812345678\n'))).toBe('text');
    expect(sniffFileKind(bytes([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x0d, 0x0a]))).toBe('text'); // GBK 张三,1
    expect(sniffFileKind(bytes([0xff, 0xfe, 0x20, 0x5f, 0x09, 0x00]))).toBe('text'); // UTF-16 LE with BOM
    expect(sniffFileKind(new Uint8Array([...'Name,Phone\r\n'].flatMap((c) => [c.charCodeAt(0), 0])))).toBe('text'); // without BOM
    expect(sniffFileKind(bytes('Name,Phone\nA\u0000nn,13812345678\n' + 'Bob,13912345678\n'.repeat(5)))).toBe('text');
    expect(sniffFileKind(bytes('BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n'))).toBe('text');
    expect(sniffFileKind(new Uint8Array(0))).toBe('text');
    const noise = new Uint8Array(2000).map((_, i) => (i * 7919) % 256);
    expect(sniffFileKind(noise)).toBe('binary');
  });

  it('marks which kinds are refused', () => {
    expect(isRefusedFileKind('text')).toBe(false);
    expect(isRefusedFileKind('xlsx')).toBe(false);
    expect(isRefusedFileKind('image')).toBe(true);
    expect(isRefusedFileKind('xls')).toBe(true);
  });
});
