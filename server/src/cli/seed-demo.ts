import { today } from '../common/dates';
import { loadConfig } from '../config';
import { migrate, openDatabase } from '../db/database';
import { isDatabaseEmpty, seedDemo } from '../db/seed/demo';

/** `seed-demo.js`: migrates, then loads the demo program into an empty database; a database with data is left alone. */
async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database.orm);
    if (!(await isDatabaseEmpty(database.orm.em.fork()))) {
      console.log('the database already holds data: demo program not loaded');
      return 0;
    }
    const summary = await seedDemo(database.orm.em.fork(), { today: today(config.timeZone), programYearStartMonth: config.programYearStartMonth });
    console.log(
      `demo program loaded: ${summary.agencies} agencies, ${summary.officers} officers, ${summary.schools} schools, ` +
        `${summary.assignments} assignments, ${summary.activities} activities`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`seed-demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
