// The CLI as a user runs it: node dist/cli.js, on real folders, checking output, stderr and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeSpan, type Annotation } from '../../server/src/core/annotations/model';
import { serializeAnnotationStore } from '../../server/src/core/annotations/webAnnotation';
import { sarifValidator } from '../fixtures/sarifSchema';
import { LETTER, ROOT, seedFiles, SEEDS_DIR } from '../support/seeds';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the corroborate command line', () => {
  let dir: string;
  const article = () => path.join(dir, 'articles', 'letter.txt');

  before(() => {
    // A newsroom-like folder: the seeds as corpus, a folder with one new article,
    // a binary file and an annotation store that must not be read as articles.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cli-'));
    fs.mkdirSync(path.join(dir, 'seeds'));
    fs.mkdirSync(path.join(dir, 'articles'));
    for (const f of seedFiles()) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(dir, 'seeds', f));
    fs.writeFileSync(article(), LETTER);
    fs.writeFileSync(path.join(dir, 'articles', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports each unreadable file in one line and goes on, exit 0', () => {
    const r = run(['articles'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^corroborate: articles\/photo\.txt: binary file, not an article$/m);
    assert.match(r.stdout, /^articles\/letter\.txt$/m);
    assert.ok(!r.stdout.includes('photo.txt'));
    assert.match(r.stderr, /^corroborate: 1 article checked against a corpus of 6 in [\d.]+ s; 1 quote, 4 claims: 2 unverified, 0 disputed; 1 problem/m, 'a summary line');
  });

  it('streams JSON whose shape is the documented contract', () => {
    const r = run(['--format', 'json', 'seeds'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['tool', 'corpus', 'documents']);
    assert.equal(out.documents.length, 5);
    assert.equal(r.stdout, JSON.stringify(out, null, 2) + '\n', 'formatted as before streaming');
    for (const d of out.documents) {
      assert.deepEqual(Object.keys(d), ['path', 'quotes', 'attributions', 'claims'], 'no annotation fields unless asked');
    }
  });

  it('reads a cue word given with --cue, and drops one given with a leading -', () => {
    fs.writeFileSync(path.join(dir, 'blurt.txt'), 'Sanders blurted that the letter was warm.\n\nMoon said the meeting would go ahead.\n');
    const cues = (args: string[]) => {
      const r = run(['--format', 'json', ...args, 'blurt.txt'], dir);
      assert.equal(r.code, 0, r.stderr);
      return (JSON.parse(r.stdout).documents[0].attributions as { cue: { text: string } }[]).map((a) => a.cue.text);
    };
    assert.deepEqual(cues([]), ['said']);
    assert.deepEqual(cues(['--cue', 'blurt', '--cue=-say']), ['blurted']);
  });

  it('writes SARIF 2.1.0 that validates against the schema', () => {
    const r = run(['--format', 'sarif', 'articles'], dir);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.length > 0);
    assert.ok(results.every((x) => ['quote', 'quoted-differently', 'single-source-quote', 'unverified-claim', 'disputed-claim', 'single-source'].includes(x.ruleId)));
    assert.ok(results.every((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'articles/letter.txt'));
    assert.ok(results.some((x) => x.relatedLocations?.some((l) => l.physicalLocation.artifactLocation.uri.startsWith('seeds/'))), 'evidence as related locations');
    const notes = log.runs[0].invocations[0].toolExecutionNotifications as { message: { text: string } }[];
    assert.ok(notes.some((n) => n.message.text.includes('photo.txt')), 'the unreadable file is a notification');
  });

  it('fails CI only when asked: --fail-on unverified exits 1, never and the default exit 0', () => {
    assert.equal(run(['articles'], dir).code, 0);
    assert.equal(run(['--fail-on', 'never', 'articles'], dir).code, 0);
    const failing = run(['--fail-on', 'unverified', 'articles'], dir);
    assert.equal(failing.code, 1);
    assert.match(failing.stderr, /failing: \d+ findings? at --fail-on unverified/);
    assert.equal(run(['--fail-on', 'disputed', 'articles'], dir).code, 0, 'no disputed claims in this article');
  });

  it('keeps exit 2 for bad usage', () => {
    for (const args of [['--fail-on', 'sometimes'], ['--format', 'xml'], ['--annotations=yes'], ['--bogus'], ['no-such-folder']]) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    }
  });

  it('applies the researcher annotations with --annotations: verified claims stop failing CI', () => {
    const json = JSON.parse(run(['--format', 'json', 'articles/letter.txt'], dir).stdout);
    const text = fs.readFileSync(article(), 'utf8');
    const unverified = json.documents[0].claims.filter((c: { status: string }) => c.status === 'unverified');
    assert.ok(unverified.length > 0);
    const annotations: Annotation[] = unverified.map((c: { start: number; end: number }, i: number) => ({
      id: `urn:test:${i}`,
      status: 'verified',
      note: `checked ${i}`,
      source: 'https://example.org/transcript',
      ...describeSpan(text, c.start, c.end),
      created: '2024-01-01T00:00:00Z',
      modified: '2024-01-01T00:00:00Z',
    }));
    fs.writeFileSync(article() + '.annotations.jsonld', serializeAnnotationStore(annotations, 'letter.txt'));
    // The article is edited after annotating: the annotations re-anchor.
    fs.writeFileSync(article(), 'Updated: a correction was added below.\n\n' + text);
    try {
      assert.equal(run(['--fail-on', 'unverified', 'articles'], dir).code, 1, 'without --annotations nothing changes');
      const r = run(['--annotations', '--fail-on', 'unverified', 'articles'], dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /claim unverified .*✎ verified: checked 0/);
      assert.match(r.stderr, new RegExp(`${unverified.length} verified by the researcher, 0 orphaned`));

      const annotated = JSON.parse(run(['--annotations', '--format', 'json', 'articles'], dir).stdout).documents[0];
      assert.equal(annotated.annotations.length, unverified.length);
      assert.ok(annotated.annotations.every((a: { anchor: string }) => a.anchor === 'moved'));
      assert.ok(annotated.claims.some((c: { annotation: { note: string } | null }) => c.annotation?.note === 'checked 0'));

      const sarif = JSON.parse(run(['--annotations', '--format', 'sarif', 'articles'], dir).stdout);
      const suppressed = sarif.runs[0].results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
      assert.equal(suppressed.length, unverified.length);
    } finally {
      fs.rmSync(article() + '.annotations.jsonld');
      fs.writeFileSync(article(), text);
    }
  });

  it('names the file and line of a broken annotation store and still reports the article', () => {
    const store = article() + '.annotations.jsonld';
    fs.writeFileSync(store, '{\n  "type": "AnnotationCollection",\n  "first": {\n');
    try {
      const r = run(['--annotations', 'articles/*'], dir);
      assert.equal(r.code, 0);
      assert.match(r.stderr, /articles\/letter\.txt\.annotations\.jsonld:\d+: not valid JSON/);
      assert.match(r.stdout, /^articles\/letter\.txt$/m);
      assert.ok(!/^articles\/letter\.txt\.annotations\.jsonld$/m.test(r.stdout), 'a store matched by the glob is not read as an article');
    } finally {
      fs.rmSync(store);
    }
  });

  it('keeps the corpus index in --cache-dir: a later run answers the same from it, and reads a changed article again', () => {
    const courier = 'The letter was delivered by hand to the Oval Office on Tuesday evening by a North Korean courier.';
    // The wire story's version of it, and a sentence of the same length to stand in for it at first.
    const told = `Officials said the letter was delivered by hand to the Oval Office on Tuesday evening by a North Korean courier.`;
    const filler = `The weather in Washington was mild on Monday, and the rest of the week was expected to stay dry, officials said.`;
    assert.equal(filler.length, told.length);
    const corpus = path.join(dir, 'archive');
    const wire = path.join(corpus, 'wire.txt');
    fs.mkdirSync(corpus);
    for (const f of seedFiles()) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(corpus, f));
    fs.writeFileSync(wire, `Officials spoke. ${filler}\n`);
    const stamp = 1_700_000_000; // whole seconds: a time stamp the file system gives back exactly
    fs.utimesSync(wire, stamp, stamp);
    const cache = path.join(dir, 'index-cache');
    const args = ['--format', 'json', '--corpus', 'archive', '--cache-dir', cache, 'articles/letter.txt'];
    const first = run(args, dir);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(fs.readdirSync(path.join(cache, 'index')).length, 1, 'one cache file for this corpus');
    const second = run(args, dir);
    assert.equal(second.stdout, first.stdout, 'the same report from the cache');
    assert.deepEqual(JSON.parse(run(['--format', 'json', '--corpus', 'archive', '--no-cache', 'articles/letter.txt'], dir).stdout), JSON.parse(first.stdout), 'the same as without a cache');

    // Which corpus articles the courier sentence of the letter is found in.
    const sources = (out: string) =>
      (JSON.parse(out) as { documents: { claims: { text: string; evidence: { path: string }[] }[] }[] }).documents[0].claims
        .find((c) => c.text === courier)!
        .evidence.map((e) => e.path);
    assert.deepEqual(sources(second.stdout), []);
    // The wire story now tells of the courier. Same size, same time stamp: the cache is trusted and not re-read…
    fs.writeFileSync(wire, `Officials spoke. ${told}\n`);
    fs.utimesSync(wire, stamp, stamp);
    assert.deepEqual(sources(run(args, dir).stdout), [], 'taken from the cache without reading it');
    // …but once the file's time stamp moves, as any edit moves it, it is read again.
    fs.utimesSync(wire, stamp + 60, stamp + 60);
    const third = run(args, dir);
    assert.equal(third.code, 0, third.stderr);
    assert.deepEqual(sources(third.stdout), [path.join('archive', 'wire.txt')]);
  });

  it('shows progress on stderr only when asked (stderr here is not a terminal)', () => {
    assert.ok(!/checking \d+\/\d+/.test(run(['seeds'], dir).stderr));
    const r = run(['--progress', '--format', 'json', 'seeds'], dir);
    assert.match(r.stderr, /^corroborate: checking 5\/5 \(100%\)$/m);
    JSON.parse(r.stdout);
  });
});
