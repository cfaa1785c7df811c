// Bundles the extension and vscode-languageclient into one file, so the .vsix needs no
// node_modules. `--watch` rebuilds on change; `--dev` keeps it unminified with source maps.
// `--tests` compiles the unit tests to out/test/ for `node --test` (type-checking is `tsc`'s job).
import { readdirSync } from 'node:fs';

import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev') || watch;

const options = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: !dev,
  sourcemap: dev,
  logLevel: 'info',
};

if (process.argv.includes('--tests')) {
  await esbuild.build({
    entryPoints: readdirSync('test').filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f}`),
    bundle: true,
    outdir: 'out/test',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: ['vscode'],
    logLevel: 'warning',
  });
} else if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
