// Tier 4: the real extension in a real VS Code. VS Code's own download is unreachable here, so the workbench and
// extension host are code-server's (VS Code 1.100.3), shown in Debian's Chromium through playwright-core.
// 1. The extension test suite (test/editors/vscode/, plain `vscode` API) runs inside the extension host, as
//    @vscode/test-electron would run it in a desktop VS Code; each of its checks is reported here.
// 2. A user's view: open the seed with Quick Open, see the code lens, rest the mouse on the quote, see the hover
//    (screenshot in test-artifacts/vscode-hover.png).
// With VSCODE_EXECUTABLE_PATH naming a desktop VS Code, the same suite also runs there (see vscodeDesktop.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/editors/browser';
import { installExtension, startCodeServer, type CodeServer } from '../support/editors/codeServer';
import { runSuiteInDesktopVSCode } from '../support/editors/vscodeDesktop';
import { prepareVSCodeRun, type VSCodeRun } from '../support/editors/vscodeRun';
import { codeLens, hoverText, openFile, openWorkbench, runSuite } from '../support/editors/workbench';
import { ROOT } from '../support/seeds';
import type { SuiteResults } from './vscode/harness';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const SEED = '002_814d60045636db2c.txt';
const QUOTE = 'It was a very warm, very positive letter';

/** Reports each check of the suite as a subtest, so a failure names the check and carries its message. */
async function reportChecks(t: it.TestContext, results: SuiteResults): Promise<void> {
  assert.ok(results.checks.length > 0, 'the suite ran checks');
  t.diagnostic(`ran in ${results.editor}`);
  for (const check of results.checks) {
    await t.test(check.name, () => {
      if (!check.passed) assert.fail(check.error ?? 'failed');
    });
  }
}

describe('VS Code (code-server in Chromium)', { timeout: 600000 }, () => {
  let run: VSCodeRun | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.rmSync(path.join(ARTIFACTS, 'vscode-failure.png'), { force: true }); // from an earlier run
    run = await prepareVSCodeRun();
    installExtension(run);
    server = await startCodeServer(run, { CORROBORATE_SUITE_RESULTS: run.resultsFile });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.writeFileSync(path.join(ARTIFACTS, 'vscode-code-server.log'), server.log());
    run?.dispose();
  });

  it('passes the extension test suite inside the extension host', async (t) => {
    const { exitCode, console } = await runSuite(browser!, server!, run!);
    fs.writeFileSync(path.join(ARTIFACTS, 'vscode-suite-console.log'), console.join('\n'));
    const results = run!.readResults();
    fs.writeFileSync(path.join(ARTIFACTS, 'vscode-suite-results.json'), JSON.stringify(results, null, 2));
    await reportChecks(t, results);
    assert.equal(exitCode, 0, 'the extension host reported the suite as passed');
  });

  it('shows the code lens and, under the mouse, the hover naming the other seeds', async () => {
    const workbench = await openWorkbench(browser!, server!, run!);
    try {
      await openFile(workbench.page, SEED, QUOTE);
      assert.match(await codeLens(workbench.page, /✓ \d+ sources?/), /✓ \d+ sources?/);
      const shown = await hoverText(workbench.page, 'very warm', 'Sarah Sanders');
      // Finished, not fading in: the hover animates its opacity.
      await workbench.page.screenshot({ path: path.join(ARTIFACTS, 'vscode-hover.png'), animations: 'disabled' });
      await workbench.page.locator('.part.editor').screenshot({ path: path.join(ARTIFACTS, 'vscode-hover-editor.png'), animations: 'disabled' });
      assert.match(shown, /Sarah Sanders/);
      assert.match(shown, /003_b89cf95f952e021d\.txt/, shown);
    } catch (error) {
      await workbench.page.screenshot({ path: path.join(ARTIFACTS, 'vscode-failure.png') }).catch(() => {});
      (error as Error).message += `\npage console (last 30):\n${workbench.console.slice(-30).join('\n')}`;
      throw error;
    } finally {
      await workbench.close();
    }
  });

  it('shows code lenses, a hover, and the peek view a lens opens (screenshots in test-artifacts/)', async () => {
    const FILE = '000_beab4e2f294f4a54.txt';
    const workbench = await openWorkbench(browser!, server!, run!);
    const shot = (name: string) => workbench.page.locator('.part.editor').screenshot({ path: path.join(ARTIFACTS, name), animations: 'disabled' });
    try {
      await openFile(workbench.page, FILE, 'very warm, very positive letter');
      const title = await codeLens(workbench.page, /✓ \d+ sources?/);
      await shot('vscode-codelens-000.png');
      const shown = await hoverText(workbench.page, 'very warm', 'supports');
      await shot('vscode-hover-000.png');
      assert.match(shown, /\d{3}_\w+\.txt:\d+/, shown);
      await workbench.page.keyboard.press('Escape');
      await workbench.page.locator('.monaco-editor .codelens-decoration a', { hasText: title.trim() }).first().click();
      const peek = workbench.page.locator('.peekview-widget').first();
      await peek.waitFor({ state: 'visible', timeout: 60000 });
      await shot('vscode-peek-000.png');
      assert.match(await peek.innerText(), /\d{3}_\w+\.txt/);
    } catch (error) {
      await workbench.page.screenshot({ path: path.join(ARTIFACTS, 'vscode-failure-000.png') }).catch(() => {});
      throw error;
    } finally {
      await workbench.close();
    }
  });
});

// Opt-in: a desktop VS Code on a developer's machine (cannot be reached or run on CI or these machines).
const desktop = process.env.VSCODE_EXECUTABLE_PATH;
if (desktop) {
  describe(`VS Code desktop (${desktop})`, { timeout: 600000 }, () => {
    it('passes the extension test suite', async (t) => {
      const run = await prepareVSCodeRun();
      try {
        const exitCode = await runSuiteInDesktopVSCode(desktop, run);
        await reportChecks(t, run.readResults());
        assert.equal(exitCode, 0);
      } finally {
        run.dispose();
      }
    });
  });
}
