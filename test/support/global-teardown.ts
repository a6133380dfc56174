import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.embeddedTestDatabase;
  if (!embedded) return;
  await embedded.database.stop();
  fs.rmSync(embedded.dataDir, { recursive: true, force: true });
}
