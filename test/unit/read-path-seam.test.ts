import fs from 'node:fs';
import path from 'node:path';

const SOURCE = path.join(__dirname, '../../server/src');
const READ_PATH = path.join(SOURCE, 'db/read-path');

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });

/** The modules a file imports (static imports and re-exports), resolved to paths when relative. */
const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/g)]
    .map((match) => match[1])
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name));

describe('the read path is one seam (docs/read-path.md)', () => {
  it('is reached from outside through its index only', () => {
    const reachingIn = sources(SOURCE)
      .filter((file) => !file.startsWith(READ_PATH + path.sep))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith(READ_PATH + path.sep))
          .map((target) => `${path.relative(SOURCE, file)} imports ${path.relative(SOURCE, target)}`),
      );
    expect(reachingIn).toEqual([]);
  });

  it('imports nothing of the project', () => {
    const reachingOut = sources(READ_PATH).flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith(READ_PATH + path.sep))
        .map((target) => `${path.relative(SOURCE, file)} imports ${path.relative(SOURCE, target)}`),
    );
    expect(reachingOut).toEqual([]);
  });
});
