#!/usr/bin/env node
/**
 * Draw images/icon.png (128×128): a net of five strands each way on a blue tile, with a
 * gold check badge. Shapes are signed distance functions, 4×4 supersampled; the PNG is
 * written with node:zlib, so no image library is needed.
 *
 *   node scripts/make-icon.mjs [out.png]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'images', 'icon.png'));

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
const TOP = hex('#0b3d5c');
const BOTTOM = hex('#1b6fa3');
const WHITE = [1, 1, 1];
const GOLD = hex('#f0b429');

// Signed distances: negative inside.
const roundedBox = (x, y, cx, cy, half, radius) => {
  const qx = Math.abs(x - cx) - half + radius;
  const qy = Math.abs(y - cy) - half + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const segment = (x, y, ax, ay, bx, by, width) => {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy) - width / 2;
};

/** The net: five strands each way, slightly bowed like a hung net, inside the tile. */
function netDistance(x, y) {
  let d = Infinity;
  const from = 26,
    to = 102,
    step = (to - from) / 4;
  for (let i = 0; i < 5; i++) {
    const p = from + i * step;
    const bow = 3 * Math.sin(((p - from) / (to - from)) * Math.PI);
    d = Math.min(d, segment(x, y, p, from, p + bow, to, 3.2));
    d = Math.min(d, segment(x, y, from, p, to, p + bow, 3.2));
  }
  return d;
}

/** Layers from back to front: [distance function, colour function, opacity]. */
const layers = [
  [(x, y) => roundedBox(x, y, 64, 64, 62, 22), (x, y) => TOP.map((c, i) => c + (BOTTOM[i] - c) * (y / SIZE)), 1],
  [netDistance, () => WHITE, 0.9],
  [(x, y) => circle(x, y, 96, 96, 24), () => hex('#0b3d5c'), 1],
  [(x, y) => circle(x, y, 96, 96, 20), () => GOLD, 1],
  [(x, y) => Math.min(segment(x, y, 86, 97, 93, 104, 5.5), segment(x, y, 93, 104, 107, 88, 5.5)), () => WHITE, 1],
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES,
          y = py + (sy + 0.5) / SAMPLES;
        // Premultiplied "over" compositing, back to front.
        let cr = 0,
          cg = 0,
          cb = 0,
          ca = 0;
        for (const [distance, colour, opacity] of layers) {
          if (distance(x, y) > 0) continue;
          const [lr, lg, lb] = colour(x, y);
          cr = lr * opacity + cr * (1 - opacity);
          cg = lg * opacity + cg * (1 - opacity);
          cb = lb * opacity + cb * (1 - opacity);
          ca = opacity + ca * (1 - opacity);
        }
        r += cr;
        g += cg;
        b += cb;
        a += ca;
      }
    }
    const n = SAMPLES * SAMPLES;
    const offset = (py * SIZE + px) * 4;
    const alpha = a / n;
    // Un-premultiply for PNG's straight alpha.
    pixels[offset] = alpha ? Math.round((r / n / alpha) * 255) : 0;
    pixels[offset + 1] = alpha ? Math.round((g / n / alpha) * 255) : 0;
    pixels[offset + 2] = alpha ? Math.round((b / n / alpha) * 255) : 0;
    pixels[offset + 3] = Math.round(alpha * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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
header[8] = 8; // bit depth
header[9] = 6; // RGBA
// Each scanline starts with filter type 0 (none).
const raw = Buffer.concat(Array.from({ length: SIZE }, (_, y) => Buffer.concat([Buffer.from([0]), pixels.subarray(y * SIZE * 4, (y + 1) * SIZE * 4)])));
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${png.length} bytes)`);
