// Lets plain `node -r ./test/support/register-ts.cjs server/src/main.ts` run the TypeScript sources, compiled on
// the fly by swc with the options jest uses (jest.config.js): the process tests start the real server from the
// sources, so they never test a stale build.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
