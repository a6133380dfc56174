import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/database';
import { Agency, AgencyKind } from '../../server/src/modules/agency/agency.entity';

/** The embedded database keeps its data in DATA_DIR across a stop and a start, with the same migrations. */
describe('embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-embedded-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts, migrates, stops and starts again with the data intact', async () => {
    const first = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    expect(first.embedded).toBe(true);
    expect((await migrate(first.orm)).length).toBeGreaterThan(0);
    const em = first.orm.em.fork();
    em.create(Agency, { name: 'Persisted Police Department', kind: AgencyKind.MUNICIPAL_POLICE });
    await em.flush();
    await first.close();

    const second = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    try {
      expect(await migrate(second.orm)).toEqual([]);
      const agencies = await second.orm.em.fork().find(Agency, {});
      expect(agencies.map((agency) => agency.name)).toEqual(['Persisted Police Department']);
      expect(await second.orm.getMigrator().checkMigrationNeeded()).toBe(false);
    } finally {
      await second.close();
    }
  });
});
