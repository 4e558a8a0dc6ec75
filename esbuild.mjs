// Bundles the three entry points. The client keeps `vscode` external (the editor provides it);
// the server and CLI are self-contained so the .vsix needs no node_modules.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
// --production (npm run package): minified, no source maps — the .vsix carries only what runs.
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  define: { __CORROBORATE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  // The server indexes the corpus in this worker thread, off its request path.
  { ...common, entryPoints: ['server/src/host/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
