import 'reflect-metadata';
import { loadConfig } from '../config';
import { migrate, openDatabase } from '../db/database';
import { describeDemo, loadDemoProgram } from '../db/seed/load-demo';

/** `seed-demo.js`: migrates, then loads the demo program into an empty database; a database with data is left alone. */
async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database.orm);
    const loaded = await loadDemoProgram(database.orm.em.fork(), config);
    console.log(loaded ? describeDemo(loaded) : 'the database already holds data: demo program not loaded');
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
