// The extension manifest as VS Code reads it: what a user finds in the command palette, the settings editor and the
// walkthrough must be there, named and described, and backed by code.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser/lib/esm/main.js';
import { ROOT } from '../support/seeds';

const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const pkg = JSON.parse(text);
const contributes = pkg.contributes;
const source = ['client/src', 'server/src/lsp', 'server/src/host']
  .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).map((f) => fs.readFileSync(path.join(ROOT, dir, f), 'utf8')))
  .join('\n');

describe('the extension manifest', () => {
  it('has no key twice in any object (JSON.parse would silently keep the last)', () => {
    const duplicates: string[] = [];
    const visit = (node: Node | undefined, at: string) => {
      if (!node) return;
      if (node.type === 'object') {
        const seen = new Set<string>();
        for (const property of node.children ?? []) {
          const key = property.children![0].value as string;
          if (seen.has(key)) duplicates.push(`${at}.${key}`);
          seen.add(key);
          visit(property.children![1], `${at}.${key}`);
        }
      } else if (node.type === 'array') node.children?.forEach((c, i) => visit(c, `${at}[${i}]`));
    };
    visit(parseTree(text), '$');
    assert.deepEqual(duplicates, []);
  });

  it('gives every command the Corroborate category, and an implementation in the client or the server', () => {
    for (const c of contributes.commands) {
      assert.equal(c.category, 'Corroborate', c.command);
      assert.ok(source.includes(`'${c.command}'`), `${c.command} is registered somewhere`);
    }
  });

  it('prefixes, scopes and describes every setting', () => {
    for (const [key, setting] of Object.entries<{ scope?: string; markdownDescription?: string }>(contributes.configuration.properties)) {
      assert.match(key, /^corroborate\./);
      assert.ok(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'].includes(setting.scope!), `${key} scope`);
      assert.ok((setting.markdownDescription ?? '').length > 20, `${key} markdownDescription`);
    }
  });

  it('names only contributed commands in menus and the walkthrough', () => {
    const ids = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const items of Object.values<{ command: string }[]>(contributes.menus)) for (const m of items) assert.ok(ids.has(m.command), m.command);
    for (const step of contributes.walkthroughs.flatMap((w: { steps: unknown[] }) => w.steps) as { description: string; media: { markdown?: string } }[]) {
      for (const [, id] of step.description.matchAll(/\(command:(corroborate\.[\w.]+)/g)) assert.ok(ids.has(id), id);
      if (step.media.markdown) assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
    }
  });

  it('activates on articles, never on everything; ignores a corpus set by an untrusted workspace', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(['onLanguage:plaintext', 'onLanguage:markdown', 'onLanguage:article'].every((e) => pkg.activationEvents.includes(e)));
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['corroborate.corpus']);
  });

  it('packages every bundle esbuild writes (a missing worker would silently index on the request path)', () => {
    const allowed = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim());
    const bundles = [...fs.readFileSync(path.join(ROOT, 'esbuild.mjs'), 'utf8').matchAll(/outfile: '([^']+)'/g)].map((m) => m[1]);
    assert.ok(bundles.length >= 4, `found the bundles: ${bundles.join(', ')}`);
    for (const b of bundles) assert.ok(allowed.includes(b), `${b} is allow-listed in .vscodeignore`);
  });
});
