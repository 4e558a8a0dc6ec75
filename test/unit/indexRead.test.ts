import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { readArticle, statAndReadArticle } from '../../server/src/host/files';
import { documentIdOf } from '../../server/src/host/indexCorpus';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-read-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('document ids of article files', () => {
  it('are the file URIs the editor uses, for plain and unusual paths alike', () => {
    const paths = [
      '/home/ann/news/2024/kim-letter.txt',
      '/home/ann/news/a_b~c+d=e,f@g.txt',
      '/home/ann/My News/Kim’s letter #2.txt',
      '/home/ann/news/100%.txt',
      '/home/ann/news/../other/x.txt',
      '/home/ann/./news/x.txt',
      '/home/ann//news/x.txt',
      '/home/ann/news/?a=b.txt',
      '/home/ann/news/Zürich.md',
      '/home/ann/news/.hidden/..x.txt',
      '/',
    ];
    for (const p of paths) assert.equal(documentIdOf(p), pathToFileURL(p).toString(), p);
  });
});

describe('reading an article with its stat from one open file', () => {
  const write = (name: string, data: string | Buffer): string => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, data);
    return file;
  };

  it('gives the text, the UTF-8 bytes and the stat readArticle and statSync give', () => {
    const cases = [
      write('plain.txt', 'Kim said “very warm” things.\n'),
      write('bom.txt', '\ufeffWith a byte-order mark.\n'),
      write('empty.txt', ''),
      write('big.txt', 'Sanders said it again. '.repeat(20000)),
      write('bad.txt', Buffer.from([0x41, 0xff, 0x42, 0x0a])),
      write('binary.txt', Buffer.from([0x41, 0, 0x42])),
    ];
    for (const file of cases) {
      const { stat, read } = statAndReadArticle(file);
      assert.deepEqual(read, readArticle(file), file);
      assert.equal(stat?.mtimeMs, fs.statSync(file).mtimeMs);
      assert.equal(stat?.size, fs.statSync(file).size);
    }
  });

  it('says why a missing file or a folder cannot be read', () => {
    const missing = statAndReadArticle(path.join(tmp, 'gone.txt'));
    assert.equal(missing.stat, undefined);
    assert.deepEqual(missing.read, { ok: false, error: 'no such file' });
    assert.deepEqual(statAndReadArticle(tmp).read, { ok: false, error: 'is a folder' });
  });
});

describe('the UTF-8 bytes an article is indexed from', () => {
  it('are exactly the text encoded, past one or two byte-order marks', () => {
    const cases = ['plain “quoted” text, Zürich, 東京, 😀\n', '\ufeffone mark', '\ufeff\ufefftwo marks', '\ufeff', '', 'a\ufeffmark inside'];
    cases.forEach((text, i) => {
      const file = path.join(tmp, `bytes-${i}.txt`);
      fs.writeFileSync(file, text);
      const read = readArticle(file);
      assert.ok(read.ok);
      assert.deepEqual(Buffer.from(read.utf8!), Buffer.from(read.text), JSON.stringify(text));
    });
  });
});
