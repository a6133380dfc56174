import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { consoleFiles } from '../../server/src/http/static';

/** The console's files as the server sends them: precompressed, hashed assets cached for good, index.html revalidated. */
describe('console files', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-console-files-'));
  const script = 'console.log("SRO Hub");'.repeat(100);
  let baseUrl: string;
  let close: () => void;

  beforeAll(async () => {
    fs.mkdirSync(path.join(folder, 'assets'));
    fs.writeFileSync(path.join(folder, 'index.html'), '<!doctype html><title>SRO Hub</title>');
    fs.writeFileSync(path.join(folder, 'assets/index-AbC123.js'), script);
    fs.writeFileSync(path.join(folder, 'assets/index-AbC123.js.br'), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(folder, 'assets/index-AbC123.js.gz'), zlib.gzipSync(script));
    const app = express();
    app.use(consoleFiles(folder));
    app.use((_request, response) => response.status(404).json({ errors: [{ message: 'Not found' }] }));
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });

  afterAll(() => {
    close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  // Node's fetch decompresses by itself; the raw answer shows what was sent.
  const get = (urlPath: string, acceptEncoding: string) =>
    fetch(`${baseUrl}${urlPath}`, { headers: { 'Accept-Encoding': acceptEncoding } });

  it('sends a hashed asset brotli-compressed when accepted, gzip otherwise, cached for a year', async () => {
    const brotli = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    expect(brotli.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(await brotli.text()).toBe(script);

    const gzip = await get('/assets/index-AbC123.js', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(script);

    const plain = await get('/assets/index-AbC123.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('answers index.html, revalidated, for the console paths, and 404 for a missing asset or an API path', async () => {
    for (const urlPath of ['/', '/assignments/24/show', '/index.html']) {
      const page = await get(urlPath, 'gzip, br');
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toMatch(/<title>SRO Hub/);
    }
    expect((await get('/assets/index-Old999.js', 'br')).status).toBe(404);
    expect((await get('/export/unknown.csv', 'br')).status).toBe(404);
    expect((await get('/assets/..%2f..%2fetc%2fpasswd', 'br')).status).toBe(404);
  });
});
