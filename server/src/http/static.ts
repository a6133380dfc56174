import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response } from 'express';

/** Hashed file names (`assets/index-Dmdyl-Pz.js`) never change content: cached for a year, never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else, index.html first, is revalidated on each load so that a new build shows at once. */
const REVALIDATE = 'no-cache';

/** Precompressed siblings written at build time (`scripts/compress-console.mjs`), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The paths that are the API's, never the console's. */
const API_PATH = /^\/(graphql|export|healthz|readyz|metrics)(\/|$)/;

/** The file under `root` that a URL path names, or null when there is none (or it would leave `root`). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.join(root, path.normalize(decoded));
  if (!file.startsWith(root + path.sep)) return null;
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
}

function sendFile(request: Request, response: Response, file: string, cacheControl: string): void {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encoding = ENCODINGS.find((candidate) => accepted.includes(candidate.name) && fs.existsSync(file + candidate.suffix));
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('Vary', 'Accept-Encoding');
  // The type of the file itself, not of its compressed sibling.
  response.type(path.extname(file));
  if (encoding) response.setHeader('Content-Encoding', encoding.name);
  response.sendFile(encoding ? file + encoding.suffix : file, { cacheControl: false, dotfiles: 'deny' }, (error) => {
    if (error && !response.headersSent) response.status(404).end();
  });
}

/**
 * The console's built files: each sent precompressed (brotli, else gzip) when the browser accepts it, hashed
 * assets cached for good, and index.html (revalidated) for every other path, where the console routes itself.
 */
export function consoleFiles(consoleDir: string): express.Router {
  const root = path.resolve(consoleDir);
  const index = path.join(root, 'index.html');
  const router = express.Router();
  router.get(/.*/, (request, response, next) => {
    if (API_PATH.test(request.path)) return next();
    const file = request.path === '/' ? null : fileFor(root, request.path);
    if (file) return sendFile(request, response, file, request.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    // A missing asset is a 404, not the console's page (a stale tab asking for an old hash must see the error).
    if (request.path.startsWith('/assets/')) return next();
    sendFile(request, response, index, REVALIDATE);
  });
  return router;
}
