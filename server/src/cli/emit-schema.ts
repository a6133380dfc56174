import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildApiSchema, printSortedSchema } from '../graphql/schema';

/** Writes schema/schema.graphql; with --check, fails instead when the committed file differs. */
async function main(check: boolean): Promise<number> {
  // Settings change behaviour, never the SDL.
  const schema = await buildApiSchema({
    session: { idleMinutes: 60, absoluteHours: 12 },
    reports: { programYearStartMonth: 7, smallCells: { minOfficers: 3, minActivities: 10 } },
    apiTokens: { defaultDays: 365, maxDays: 365 },
  });
  const file = path.resolve(__dirname, __filename.endsWith('.ts') ? '../../../schema/schema.graphql' : '../../../../schema/schema.graphql');
  const sdl = printSortedSchema(schema);
  if (check) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== sdl) {
      console.error('schema/schema.graphql is stale: run npm run schema:emit and commit it');
      return 1;
    }
    console.log('schema/schema.graphql is current');
    return 0;
  }
  fs.writeFileSync(file, sdl);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return 0;
}

main(process.argv.includes('--check')).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
