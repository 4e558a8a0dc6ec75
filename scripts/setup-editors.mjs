// Installs what the real-editor test tier needs, once, and caches it:
//   - Debian packages: neovim (Neovim tier), chromium (the browser that shows VS Code), ripgrep (VS Code's search
//     binary, otherwise downloaded from GitHub), libkrb5-dev (headers a code-server native module builds against);
//   - code-server (VS Code's workbench and extension host, from the npm registry) in a tools cache folder.
// VS Code's own download is not reachable on our machines; see README "Testing". Safe to run again: every step checks
// first and skips what is there. Prints what it does; exits non-zero with the reason when a step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, renameSync, symlinkSync, writeFileSync, lstatSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { codeServerBin, codeServerDir, codeServerEnv, CODE_SERVER_VERSION } from '../test/support/editors/tools.mjs';

const DEBIAN_PACKAGES = ['neovim', 'chromium', 'ripgrep', 'libkrb5-dev'];
const started = Date.now();

function log(message) {
  console.log(`[setup-editors] ${message}`);
}

function fail(message) {
  console.error(`[setup-editors] FAILED: ${message}`);
  process.exit(1);
}

/** Runs a command with its output shown; fails the setup with `what` when it does not exit 0. */
function run(what, command, args, options = {}) {
  log(`${what}: ${command} ${args.join(' ')}${options.cwd ? `  (in ${options.cwd})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  if (result.error) fail(`${what}: could not start ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${what}: ${command} exited with ${result.status ?? result.signal}`);
}

function capture(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { ok: !result.error && result.status === 0, out: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function isInstalled(pkg) {
  return capture('dpkg-query', ['-W', '-f=${Status}', pkg]).out.includes('install ok installed');
}

function installDebianPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) fail('this setup needs a Debian-based system (dpkg/apt-get) to install ' + DEBIAN_PACKAGES.join(' '));
  const missing = DEBIAN_PACKAGES.filter((p) => !isInstalled(p));
  if (missing.length === 0) {
    log(`Debian packages already installed: ${DEBIAN_PACKAGES.join(' ')}`);
    return;
  }
  // apt-get needs root; use sudo without a password prompt when we are not root.
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  if (asRoot.length && !capture('sudo', ['-n', 'true']).ok) {
    fail(`Debian packages missing: ${missing.join(' ')}. Run as root, or install them: sudo apt-get install -y ${missing.join(' ')}`);
  }
  // `env` carries DEBIAN_FRONTEND through sudo, which resets the environment.
  const aptGet = (args) => [...asRoot, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
  const apt = (what, args) => {
    const [command, ...argv] = aptGet(args);
    run(what, command, argv);
  };
  const install = ['install', '-y', '--no-install-recommends', ...missing];
  // A fresh image has no package lists: refresh them first. Otherwise try the lists there are, and refresh them only
  // when that fails (stale lists name versions the mirror no longer has).
  const lists = existsSync('/var/lib/apt/lists') ? readdirSync('/var/lib/apt/lists').filter((f) => f.includes('_Packages')) : [];
  if (lists.length === 0) {
    apt('refresh the package lists', ['update']);
    apt(`install ${missing.join(' ')}`, install);
  } else {
    const [command, ...argv] = aptGet(install);
    log(`install ${missing.join(' ')}: ${command} ${argv.join(' ')}`);
    if (spawnSync(command, argv, { stdio: 'inherit' }).status !== 0) {
      log('that failed with the current package lists; refreshing them and trying again');
      apt('refresh the package lists', ['update']);
      apt(`install ${missing.join(' ')}`, install);
    }
  }
  const still = DEBIAN_PACKAGES.filter((p) => !isInstalled(p));
  if (still.length) fail(`Debian packages still missing after apt-get install: ${still.join(' ')}`);
}

function codeServerWorks(dir) {
  if (!existsSync(path.join(dir, '.complete'))) return false;
  return codeServerVersion(dir).startsWith(CODE_SERVER_VERSION);
}

function codeServerVersion(dir) {
  const version = capture(process.execPath, [codeServerBin(dir), '--version'], { env: codeServerEnv(path.join(dir, '.home')) });
  return version.ok ? version.out.split('\n').at(-1) : `(failed: ${version.out})`;
}

// Follows the recipe of the shared notes on headless VS Code: code-server's postinstall downloads ripgrep from GitHub
// (unreachable), so install with scripts off and build the native modules ourselves.
function installCodeServer() {
  const dir = codeServerDir();
  if (codeServerWorks(dir)) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${dir}`);
    return;
  }
  // Build in a scratch folder and rename it at the end: an interrupted run never leaves a half-built folder behind
  // that looks complete.
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(path.join(partial, 'package.json'), JSON.stringify({ name: 'corroborate-editor-tools', private: true }) + '\n');
  const rg = capture('sh', ['-c', 'command -v rg']).out;
  if (!rg) fail('ripgrep (rg) is not on PATH');
  // npm_config_yes lets node-pty's install script run `npx node-gyp` without asking.
  const env = { npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  // node-gyp downloads Node's headers from nodejs.org (unreachable here) unless told where they are: the Node
  // install's own include/node (Debian's and NodeSource's nodejs packages ship it).
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (existsSync(path.join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;
  else log(`no Node headers under ${prefix}/include/node: node-gyp will try to download them`);
  run('download code-server', 'npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: partial, env });
  run('build argon2 (code-server password hashing)', 'npm', ['rebuild', 'argon2'], { cwd: partial, env });
  const vscodeDir = path.join(partial, 'node_modules', 'code-server', 'lib', 'vscode');
  run("install VS Code's server dependencies", 'npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: vscodeDir, env });
  run("build VS Code's native modules", 'npm', ['rebuild', 'kerberos', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'node-pty', '@vscode/deviceid'], { cwd: vscodeDir, env });
  log(`link Debian's ripgrep (${rg}) where VS Code looks for its own`);
  const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  replaceLink(rg, path.join(rgBin, 'rg'));
  log('link node_modules.asar (VS Code loads its modules from there)');
  replaceLink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  run("install the built-in extensions' dependencies", 'npm', ['install', '--omit=dev'], { cwd: path.join(vscodeDir, 'extensions'), env });
  writeFileSync(path.join(partial, '.complete'), `code-server ${CODE_SERVER_VERSION}\n`);
  renameSync(partial, dir);
  if (!codeServerWorks(dir)) fail(`code-server was installed in ${dir} but \`code-server --version\` does not print ${CODE_SERVER_VERSION}: ${codeServerVersion(dir)}`);
  log(`code-server ${CODE_SERVER_VERSION} installed in ${dir}`);
}

function replaceLink(target, link) {
  try {
    lstatSync(link);
    unlinkSync(link);
  } catch {
    // nothing there yet
  }
  symlinkSync(target, link);
}

function checkPlaywright() {
  try {
    // Resolved from the project: it is a devDependency, installed by `npm ci`.
    const resolved = capture(process.execPath, ['-e', "console.log(require.resolve('playwright-core'))"], { cwd: path.resolve(import.meta.dirname, '..') });
    if (!resolved.ok) throw new Error(resolved.out);
    log('playwright-core is installed (devDependency)');
  } catch (error) {
    fail(`playwright-core is missing; run \`npm ci\` first (${error.message})`);
  }
}

log(`tools cache: ${path.dirname(codeServerDir())} (set CORROBORATE_TOOLS_DIR to move it; default under ${path.join(homedir(), '.cache')})`);
installDebianPackages();
installCodeServer();
checkPlaywright();
log(`code-server --version: ${codeServerVersion(codeServerDir())}`);
log(`nvim --version: ${capture('nvim', ['--version']).out.split('\n')[0]}`);
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
