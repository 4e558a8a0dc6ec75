import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationsFromCsv, annotationsToCsv } from '../../server/src/core/annotations/csv';
import type { Annotation } from '../../server/src/core/annotations/model';
import { parseAnnotationStore, serializeAnnotationStore } from '../../server/src/core/annotations/webAnnotation';

const verified: Annotation = {
  id: 'urn:uuid:6f1c2f57-8a55-4a8e-9a57-0d3b3c1e2a01',
  status: 'verified',
  note: 'Checked against the White House transcript, 1 Sept.',
  source: 'https://example.org/briefing',
  quote: { exact: 'It was a very warm, very positive letter', prefix: 'Sanders said: “', suffix: ',” she added.' },
  start: 120,
  end: 160,
  created: '2024-09-01T10:00:00.000Z',
  modified: '2024-09-01T10:05:00.000Z',
};

const disputed: Annotation = {
  ...verified,
  id: 'urn:uuid:6f1c2f57-8a55-4a8e-9a57-0d3b3c1e2a02',
  status: 'disputed',
  note: '=HYPERLINK("http://evil") — formula-looking note, "quoted", with, commas\nand a second line',
  source: null,
  quote: { exact: '-40 degrees', prefix: '', suffix: ' at night' },
  start: 0,
  end: 11,
};

const strip = ({ raw: _raw, ...a }: Annotation) => a;

describe('annotations as W3C Web Annotation JSON-LD', () => {
  it('round-trips through a store file', () => {
    const json = serializeAnnotationStore([verified, disputed], 'article.txt');
    const parsed = parseAnnotationStore(json);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.annotations.map(strip), [verified, disputed]);
  });

  it('writes the shape other annotation tools read: context, collection, selectors, bodies', () => {
    const doc = JSON.parse(serializeAnnotationStore([verified], 'article.txt'));
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(doc.type, 'AnnotationCollection');
    const [a] = doc.first.items;
    assert.equal(a.type, 'Annotation');
    assert.equal(a.target.source, 'article.txt');
    assert.deepEqual(
      a.target.selector.map((s: { type: string }) => s.type),
      ['TextQuoteSelector', 'TextPositionSelector'],
    );
    assert.deepEqual(a.body.find((b: { purpose: string }) => b.purpose === 'assessing').value, 'verified');
    assert.deepEqual(a.body.find((b: { purpose: string }) => b.purpose === 'commenting').value, verified.note);
    assert.deepEqual(a.body.find((b: { purpose: string }) => b.purpose === 'linking').source, verified.source);
  });

  it('reads an annotation made by another tool (a tag as status, bodyValue as note) and keeps its own properties on rewrite', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hypothes.is/a/abc123',
      type: 'Annotation',
      creator: 'acct:reporter@hypothes.is',
      bodyValue: 'Need the original letter',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Needs source' }],
      target: { source: 'https://news.example/story', selector: [{ type: 'TextQuoteSelector', exact: 'a second summit' }, { type: 'CssSelector', value: 'p:nth-child(3)' }] },
    };
    const { annotations, problems } = parseAnnotationStore(JSON.stringify(foreign));
    assert.deepEqual(problems, []);
    const [a] = annotations;
    assert.equal(a.status, 'needs-source');
    assert.equal(a.note, 'Need the original letter');
    assert.equal(a.start, -1, 'no position: anchored by its quote alone');
    const rewritten = JSON.parse(serializeAnnotationStore([{ ...a, status: 'verified' }], 'article.txt')).first.items[0];
    assert.equal(rewritten.creator, 'acct:reporter@hypothes.is');
    assert.ok(rewritten.target.selector.some((s: { type: string }) => s.type === 'CssSelector'));
    const again = parseAnnotationStore(JSON.stringify(rewritten));
    assert.deepEqual(again.problems, []);
    assert.equal(again.annotations[0].status, 'verified');
    assert.equal(again.annotations[0].note, 'Need the original letter', 'the note is not doubled');
  });

  it('names the line of a syntax error and reads nothing from a broken file', () => {
    const json = serializeAnnotationStore([verified, disputed], 'article.txt').replace('"motivation": "assessing",', '"motivation": "assessing"');
    const parsed = parseAnnotationStore(json);
    assert.equal(parsed.annotations.length, 0);
    assert.equal(parsed.problems.length, 1);
    const line = json.split('\n').findIndex((l) => l.includes('"motivation": "assessing"')) + 2;
    assert.equal(parsed.problems[0].line, line);
    assert.match(parsed.problems[0].message, /not valid JSON/);
  });

  it('reads the good annotations of a hand-edited store and names the line of the bad one', () => {
    const doc = JSON.parse(serializeAnnotationStore([verified, disputed], 'article.txt'));
    delete doc.first.items[1].target.selector[0].exact;
    const json = JSON.stringify(doc, null, 2);
    const parsed = parseAnnotationStore(json);
    assert.deepEqual(parsed.annotations.map((a) => a.id), [verified.id]);
    assert.equal(parsed.problems.length, 1);
    const secondItemLine = json.split('\n').findIndex((l, i, all) => l.trim() === '{' && all[i + 1].includes(disputed.id)) + 1;
    assert.equal(parsed.problems[0].line, secondItemLine);
    assert.match(parsed.problems[0].message, /TextQuoteSelector/);
  });
});

describe('annotations as CSV for spreadsheets', () => {
  it('round-trips, including commas, quotes, new lines and formula-looking cells', () => {
    const rows = [
      { article: 'seeds/002.txt', annotation: verified },
      { article: 'notes/a, b.txt', annotation: disputed },
    ];
    const csv = annotationsToCsv(rows);
    assert.ok(!/(^|,)=HYPERLINK/m.test(csv), 'a formula never starts a cell');
    assert.ok(!/(^|,)-40/m.test(csv));
    const back = annotationsFromCsv(csv);
    assert.deepEqual(back.problems, []);
    assert.deepEqual(back.rows, rows);
  });

  it('reports a row with an unknown status by its line and keeps the others', () => {
    const csv = annotationsToCsv([{ article: 'a.txt', annotation: verified }]) + 'b.txt,urn:x,maybe,,,some text,,,,,,\r\n';
    const back = annotationsFromCsv(csv);
    assert.equal(back.rows.length, 1);
    assert.deepEqual(back.problems.map((p) => p.line), [3]);
  });
});
