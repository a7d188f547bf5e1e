// Writes the ribbon / manifest icons (assets/icon-16.png, -32, -80) without any image package:
// RGBA pixels drawn in code, encoded as PNG with Node's zlib. Run: node scripts/make-icons.js
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** PNG bytes for a size×size RGBA image given pixel(x, y) → [r, g, b, a]. */
function encodePng(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const rowStart = y * (size * 4 + 1);
    raw[rowStart] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], rowStart + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Green rounded square with a white check mark, 4× supersampled for smooth edges. */
function iconPixel(size) {
  const green = [0x1e, 0x6e, 0x4e];
  const radius = size * 0.18;
  const stroke = Math.max(1.2, size * 0.11);
  const check = [
    [0.24, 0.52],
    [0.42, 0.7],
    [0.77, 0.32],
  ].map(([x, y]) => [x * size, y * size]);
  const inRoundedSquare = (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return Math.hypot(x - cx, y - cy) <= radius;
  };
  return (x, y) => {
    let cover = 0;
    let white = 0;
    const n = 4;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const sx = x + (i + 0.5) / n;
        const sy = y + (j + 0.5) / n;
        if (!inRoundedSquare(sx, sy)) continue;
        cover++;
        const d = Math.min(
          distToSegment(sx, sy, ...check[0], ...check[1]),
          distToSegment(sx, sy, ...check[1], ...check[2]),
        );
        if (d <= stroke / 2) white++;
      }
    }
    if (cover === 0) return [0, 0, 0, 0];
    const w = white / cover;
    const mix = (c) => Math.round(c * (1 - w) + 255 * w);
    return [mix(green[0]), mix(green[1]), mix(green[2]), Math.round((255 * cover) / (n * n))];
  };
}

const outDir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 80]) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, iconPixel(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
