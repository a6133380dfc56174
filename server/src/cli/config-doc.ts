import fs from 'node:fs';
import path from 'node:path';
import { withConfigurationTable } from '../config-table';

/** Writes the table of variables in docs/configuration.md from config.ts; with --check, fails when it is stale. */
function main(check: boolean): number {
  const file = path.resolve(__dirname, __filename.endsWith('.ts') ? '../../../docs/configuration.md' : '../../../../docs/configuration.md');
  const current = fs.readFileSync(file, 'utf8');
  const generated = withConfigurationTable(current);
  if (check) {
    if (current === generated) return 0;
    console.error('docs/configuration.md is stale: run npm run config:doc and commit it');
    return 1;
  }
  fs.writeFileSync(file, generated);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return 0;
}

process.exit(main(process.argv.includes('--check')));
