// Writes a brotli (.br) and a gzip (.gz) sibling of each compressible file of the built console (dist/admin), so
// that the server sends them without compressing on each request. Node's zlib only: no extra package.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/admin');
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.ttf', '.map', '.txt', '.wasm']);
// Below this size the headers outweigh the saving.
const MIN_BYTES = 1024;

function* files(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* files(file);
    else if (COMPRESSIBLE.has(path.extname(entry.name))) yield file;
  }
}

let original = 0;
let brotli = 0;
let gzip = 0;
for (const file of files(root)) {
  const content = fs.readFileSync(file);
  if (content.length < MIN_BYTES) continue;
  const br = zlib.brotliCompressSync(content, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  const gz = zlib.gzipSync(content, { level: zlib.constants.Z_BEST_COMPRESSION });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  original += content.length;
  brotli += br.length;
  gzip += gz.length;
}
const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
console.log(`console precompressed: ${kb(original)} -> brotli ${kb(brotli)}, gzip ${kb(gzip)}`);
