// Latency of the editor features over the protocol: a real client on stdio against dist/server.js,
// every seed open, requests answered from the cached analysis. Prints p50/p99 per request kind.
// Run: npm run bench:protocol   (ITERATIONS=n to change the sample size)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  SemanticTokensRequest,
  type CodeLens,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../test/support/lspClient';
import { readSeed, ROOT, SEEDS_DIR, seedFiles } from '../test/support/seeds';

const ITERATIONS = Number(process.env.ITERATIONS ?? 1000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(name: string, run: (i: number) => Promise<unknown>): Promise<{ name: string; n: number; p50: number; p99: number; max: number }> {
  for (let i = 0; i < 50; i++) await run(i); // warm the caches and the JIT
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { name, n: times.length, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] };
}

async function main(): Promise<void> {
  const client = new TestClient({ capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
  await client.initialize();
  const docs: { uri: string; quotes: { line: number; character: number }[] }[] = [];
  for (const name of seedFiles()) {
    const text = readSeed(name);
    const uri = await client.open(path.join(SEEDS_DIR, name), text);
    const quotes = [...text.matchAll(/“/g)].map((m) => {
      const before = text.slice(0, m.index! + 2);
      const line = before.split('\n').length - 1;
      return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
    });
    docs.push({ uri, quotes });
  }
  await client.indexed();
  const t0 = performance.now();
  await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: docs[0].uri }, position: docs[0].quotes[0] });
  const first = performance.now() - t0;

  const lenses = new Map<string, CodeLens[]>();
  for (const d of docs) lenses.set(d.uri, (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: d.uri } })) ?? []);

  const results = [
    await measure('hover (on a quote)', (i) => {
      const d = docs[i % docs.length];
      return client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: d.quotes[i % d.quotes.length] });
    }),
    await measure('codeLens (whole document)', (i) => client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: docs[i % docs.length].uri } })),
    await measure('codeLens/resolve', (i) => {
      const all = lenses.get(docs[i % docs.length].uri)!;
      return client.connection.sendRequest(CodeLensResolveRequest.type, all[i % all.length]);
    }),
    await measure('definition', (i) => {
      const d = docs[i % docs.length];
      return client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: d.uri }, position: d.quotes[i % d.quotes.length] });
    }),
    await measure('documentSymbol', (i) => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: docs[i % docs.length].uri } })),
    await measure('semanticTokens/full', (i) => client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: docs[i % docs.length].uri } })),
  ];
  await client.shutdown();

  const rows = results.map((r) => `| ${r.name} | ${r.n} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${r.max.toFixed(3)} |`);
  const report = [
    `Protocol latency, ${docs.length} seeds open, ${ITERATIONS} requests each after 50 warm-up (ms, client-measured round trip over stdio)`,
    '',
    '| request | n | p50 | p99 | max |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `first hover after indexing (computes the report): ${first.toFixed(2)} ms`,
  ].join('\n');
  console.log(report);
  const out = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'protocol.json'), JSON.stringify({ iterations: ITERATIONS, first, results }, null, 2));
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
