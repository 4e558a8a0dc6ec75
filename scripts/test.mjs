// Runs every test tier with node's test runner: unit, protocol, robustness (bad input, protocol abuse, fuzzing),
// then the real editors (Neovim headless, VS Code via code-server), installing what the editor tiers need first.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';

const tiers = ['test/unit', 'test/protocol', 'test/robustness', 'test/editors'];
const only = process.argv.slice(2);
const selected = only.length ? tiers.filter((t) => only.some((o) => t.endsWith(o))) : tiers;

if (selected.includes('test/editors') && existsSync('scripts/setup-editors.mjs')) {
  const setup = spawnSync(process.execPath, ['scripts/setup-editors.mjs'], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
}

const files = selected.flatMap((dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => /\.test\.(ts|mjs)$/.test(f)).sort().map((f) => `${dir}/${f}`) : [],
);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
