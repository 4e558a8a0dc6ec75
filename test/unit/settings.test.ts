// Settings as the server reads them: malformed values keep their defaults, and each is named in a message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings, settingsProblems } from '../../server/src/lsp/settings';

describe('settings the server is given', () => {
  it('has nothing to say about well-formed settings, missing ones, or keys of other tools', () => {
    assert.deepEqual(settingsProblems(undefined), []);
    assert.deepEqual(settingsProblems({}), []);
    assert.deepEqual(settingsProblems({ corpus: ['seeds', 'archive/**/*.txt'], severity: { quote: 'off' }, debounceMs: 200, cues: { speech: ['blurt', '-joke'] }, cacheFolder: '/tmp/x' }), []);
  });

  it('names each malformed value and what is used instead, and parseSettings uses exactly that', () => {
    const raw = { corpus: 'seeds', severity: { quote: 'loud', everything: 'error' }, debounceMs: 'fast', maxAnalysisChars: 5, codeLens: 'yes', cues: { speech: 'blurt', verbs: ['x'] } };
    const problems = settingsProblems(raw);
    for (const expected of [
      'corroborate.corpus is "seeds", not a list of folders or globs; ["seeds"] is used',
      'corroborate.severity.quote is "loud", not one of error, warning, information, hint, off; "hint" is used',
      'corroborate.severity.everything is not a kind of finding',
      'corroborate.debounceMs is "fast", not a number of milliseconds; 50 is used',
      'corroborate.maxAnalysisChars 5 is below the smallest allowed',
      'corroborate.codeLens.enabled must be true or false; true is used',
      'corroborate.cues.speech is "blurt", not a list of words; ignored',
      'corroborate.cues.verbs is not a list the lexicon has',
    ])
      assert.ok(problems.some((p) => p.startsWith(expected)), `${expected}\n in ${problems.join('\n')}`);
    assert.equal(problems.length, 8);
    const settings = parseSettings(raw);
    assert.deepEqual(settings.corpus, DEFAULT_SETTINGS.corpus);
    assert.equal(settings.severity.quote, 'hint');
    assert.equal(settings.debounceMs, 50);
    assert.equal(settings.codeLens.enabled, true);
    assert.deepEqual(settings.cues, {});
  });

  it('counts the entries of a list it drops, and says when a number is clamped', () => {
    assert.deepEqual(settingsProblems({ corpus: ['seeds', 3, ''], debounceMs: -5 }), [
      'corroborate.corpus: 2 of 3 entries are not folder or glob names and are ignored',
      'corroborate.debounceMs -5 is outside 0–60000; 0 is used',
    ]);
    assert.deepEqual(parseSettings({ corpus: ['seeds', 3, ''] }).corpus, ['seeds']);
  });

  it('says so when the whole section is not an object', () => {
    assert.deepEqual(settingsProblems('seeds'), ['the corroborate settings are "seeds", not an object; the defaults are used']);
  });
});
