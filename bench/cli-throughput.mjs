// CLI throughput on a folder of N articles (default 1000) made from the PolNeAR training texts
// (read where they lie; copies go to a temporary folder): the train texts, then copies with their
// first two lines dropped until N is reached (near-duplicates, as wire copy gives).
//   node bench/cli-throughput.mjs [N] [--format json|sarif|text]
// Reports: seconds to the first streamed result, total seconds, articles per second, output size,
// peak memory (from /proc, Linux). Run `npm run build` first. A one-off folder: no index cache is kept (--no-cache).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
const format = args.includes('--format') ? args[args.indexOf('--format') + 1] : 'sarif';
const source = process.env.POLNEAR_TEXT ?? path.join(root, '..', 'shared', 'eval', 'polnear', 'train', 'text');
const fallback = '/work/shared/eval/polnear/train/text';
const textDir = fs.existsSync(source) ? source : fallback;
if (!fs.existsSync(textDir)) {
  console.error(`no PolNeAR texts at ${source} (set POLNEAR_TEXT)`);
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-'));
const names = fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort();
for (let i = 0; i < n; i++) {
  const name = names[i % names.length];
  const text = fs.readFileSync(path.join(textDir, name), 'utf8');
  const copy = Math.floor(i / names.length);
  fs.writeFileSync(path.join(dir, copy === 0 ? name : `copy${copy}_${name}`), copy === 0 ? text : text.split('\n').slice(2 * copy).join('\n'));
}

const started = performance.now();
let first = null;
let bytes = 0;
let peakKb = 0;
const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), '--format', format, '--progress', '--no-cache', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
const marker = format === 'sarif' ? '"ruleId"' : format === 'json' ? '"path"' : '\n';
let seenHeader = '';
child.stdout.on('data', (d) => {
  bytes += d.length;
  if (first === null) {
    seenHeader += d.toString();
    // The first result, not the header (JSON's corpus list also has paths: look after "documents").
    const body = format === 'json' ? seenHeader.split('"documents"')[1] ?? '' : seenHeader;
    if (body.includes(marker) && (format !== 'text' || seenHeader.split('\n').length > 3)) first = performance.now() - started;
  }
});
let stderr = '';
child.stderr.on('data', (d) => (stderr += d));
const poll = setInterval(() => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    if (m) peakKb = Math.max(peakKb, Number(m[1]));
  } catch {
    // exited
  }
}, 200);
const code = await new Promise((resolve) => child.on('exit', resolve));
clearInterval(poll);
const total = (performance.now() - started) / 1000;
fs.rmSync(dir, { recursive: true, force: true });
const summary = stderr.trim().split('\n').filter((l) => !/ \d+\/\d+ \(\d+%\)$/.test(l)).pop();
console.log(JSON.stringify({
  articles: n,
  format,
  exitCode: code,
  firstResultSeconds: first === null ? null : +(first / 1000).toFixed(2),
  totalSeconds: +total.toFixed(1),
  articlesPerSecond: +(n / total).toFixed(2),
  outputMB: +(bytes / 1e6).toFixed(1),
  peakRssMB: peakKb ? Math.round(peakKb / 1024) : null,
  summary,
}, null, 2));
