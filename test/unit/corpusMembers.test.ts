import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { corpusFiles, isCorpusFile } from '../../server/src/host/corpusFiles';
import { tempWorkspace } from '../support/workspace';

// A file created in a corpus of 50,000 is checked against the settings alone, without listing the corpus: the check
// must say what a listing would.
describe('whether a file belongs to the corpus, without listing it', () => {
  const folder = fc.constantFrom('a', 'b', '.hidden', 'node_modules', 'deep');
  const name = fc.constantFrom('x.txt', 'y.md', 'z.json', '.dot.txt', 'W.TXT', 'notes.article');
  const file = fc.tuple(fc.array(folder, { maxLength: 3 }), name).map(([dirs, n]) => [...dirs, n].join('/'));
  const spec = fc.constantFrom('.', 'a', 'a/x.txt', 'linked', '**/*.txt', 'a/*', '*.md', 'deep/**/x.txt', 'b/**', 'missing', 'a/[xy].*', '../outside');

  it('agrees with the listing for every file, hidden, linked or out of reach', () => {
    fc.assert(
      fc.property(fc.uniqueArray(file, { minLength: 1, maxLength: 12 }), fc.uniqueArray(spec, { minLength: 1, maxLength: 3 }), fc.boolean(), (files, specs, trusted) => {
        const ws = tempWorkspace(Object.fromEntries(files.map((f) => [f, 'text'])));
        try {
          // A folder reached through a link, and a file that is a link: the listing enters and lists neither.
          fs.mkdirSync(ws.file('a'), { recursive: true });
          fs.symlinkSync(ws.file('a'), ws.file('linked'));
          fs.symlinkSync(ws.file(files[0]), ws.file('a/link.txt'));
          const listed = new Set(corpusFiles(ws.root, specs, trusted).files);
          const candidates = [...files, 'a/link.txt', 'linked/x.txt', 'a/absent.txt'].map((f) => ws.file(f));
          for (const f of [...candidates, ...listed]) {
            assert.equal(isCorpusFile(ws.root, specs, trusted, f), listed.has(f), `${path.relative(ws.root, f)} with ${JSON.stringify(specs)}`);
          }
        } finally {
          ws.dispose();
        }
      }),
      { numRuns: 120 },
    );
  });
});
