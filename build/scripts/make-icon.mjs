// Draws the app icon: a teal rounded square, a white customer figure and an amber star.
// Pure Node (zlib), no image libraries. `node build/scripts/make-icon.mjs` writes build/icon.png (1024²);
// `node build/scripts/make-icon.mjs 64 assets/public/favicon.png` writes a smaller copy.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const SIZE = Number(process.argv[2] ?? 1024);
const out = process.argv[3] ? resolve(process.argv[3]) : fileURLToPath(new URL('../icon.png', import.meta.url));
// The drawing is laid out on a 1024 grid; other sizes sample it.
const GRID = 1024;
const SCALE = GRID / SIZE;

// Signed distances in pixels: negative inside. Coverage from distance gives anti-aliased edges.
const roundedSquare = (x, y, inset, radius) => {
  const half = GRID / 2 - inset;
  const qx = Math.abs(x - GRID / 2) - (half - radius);
  const qy = Math.abs(y - GRID / 2) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const ellipse = (x, y, cx, cy, rx, ry) => (Math.hypot((x - cx) / rx, (y - cy) / ry) - 1) * Math.min(rx, ry);
// Five-pointed star (after Inigo Quilez's sdStar5), point up; r = outer radius, rf = inner/outer ratio.
const star = (x, y, cx, cy, r, rf) => {
  const k1x = 0.809016994375, k1y = -0.587785252292;
  let px = Math.abs(x - cx), py = cy - y;
  let d = 2 * Math.max(k1x * px + k1y * py, 0);
  px -= d * k1x; py -= d * k1y;
  d = 2 * Math.max(-k1x * px + k1y * py, 0);
  px += d * k1x; py -= d * k1y;
  px = Math.abs(px); py -= r;
  const bax = rf * -k1y, bay = rf * k1x - 1;
  const h = Math.min(Math.max((px * bax + py * bay) / (bax * bax + bay * bay), 0), r);
  return Math.hypot(px - bax * h, py - bay * h) * Math.sign(py * bax - px * bay);
};
const coverage = (d) => Math.min(1, Math.max(0, 0.5 - d / SCALE));

const top = [20, 184, 166]; // #14b8a6
const bottom = [15, 118, 110]; // #0f766e
const amber = [251, 191, 36]; // #fbbf24

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let row = 0; row < SIZE; row++) {
  const y = (row + 0.5) * SCALE;
  const base = row * (SIZE * 4 + 1);
  pixels[base] = 0; // PNG filter: none
  const t = row / (SIZE - 1);
  const bg = top.map((c, i) => c + (bottom[i] - c) * t);
  for (let col = 0; col < SIZE; col++) {
    const x = (col + 0.5) * SCALE;
    const tile = roundedSquare(x, y, 100, 185);
    const head = circle(x, y, 512, 420, 140);
    const shoulders = Math.max(ellipse(x, y, 512, 880, 285, 270), roundedSquare(x, y, 100, 185), y - 800);
    const mark = coverage(Math.min(head, shoulders));
    const badge = coverage(star(x, y, 762, 262, 92, 0.5));
    const alpha = coverage(tile);
    const at = base + 1 + col * 4;
    for (let i = 0; i < 3; i++) {
      const figure = bg[i] + (255 - bg[i]) * mark;
      pixels[at + i] = Math.round(figure + (amber[i] - figure) * badge);
    }
    pixels[at + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace

writeFileSync(
  out,
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
console.log(`wrote ${out}`);
