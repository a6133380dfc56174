import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { today } from '../../common/dates';
import { demoPassword, DEMO_ACCOUNTS, seedDemoAccounts } from './demo-accounts';
import { isDatabaseEmpty, seedDemo, type DemoSummary } from './demo';

export interface DemoLoaded {
  summary: DemoSummary;
  /** Set when the password was generated: shown once, never stored in clear. */
  generatedPassword?: string;
}

/** Loads the demo program and its accounts into an empty database; returns undefined when it holds data. */
export async function loadDemoProgram(
  em: EntityManager,
  config: Pick<Config, 'timeZone' | 'programYearStartMonth' | 'demoPassword'>,
): Promise<DemoLoaded | undefined> {
  if (!(await isDatabaseEmpty(em))) return undefined;
  const summary = await seedDemo(em.fork(), { today: today(config.timeZone), programYearStartMonth: config.programYearStartMonth });
  const { password, generated } = demoPassword(config.demoPassword);
  await seedDemoAccounts(em.fork(), password);
  return { summary, generatedPassword: generated ? password : undefined };
}

/** What to tell the person who started the demo: the accounts, and the password if it was generated. */
export function describeDemo({ summary, generatedPassword }: DemoLoaded): string {
  const accounts = DEMO_ACCOUNTS.map((account) => `  ${account.role.padEnd(13)} ${account.email}`).join('\n');
  const password = generatedPassword
    ? `password (generated, shown only now): ${generatedPassword}`
    : 'password: the value of DEMO_PASSWORD';
  return (
    `demo program loaded: ${summary.agencies} agencies, ${summary.officers} officers, ${summary.schools} schools, ` +
    `${summary.assignments} assignments, ${summary.activities} activities\ndemo accounts:\n${accounts}\n${password}`
  );
}
