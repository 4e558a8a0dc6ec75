// Drives code-server's VS Code workbench in Chromium: loads it for a folder, runs the extension test suite in its
// extension host, and does what a user does with the mouse and keyboard. Every wait has a deadline, none sleeps.
import type { Browser, Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import type { VSCodeRun } from './vscodeRun';

const LOAD_DEADLINE_MS = 90000;
const SUITE_DEADLINE_MS = 180000;
const UI_DEADLINE_MS = 60000;

export interface Workbench {
  page: Page;
  /** Console messages of the page (the extension host's console is forwarded there too). */
  console: string[];
  close(): Promise<void>;
}

/** Opens the workbench on the run's workspace, as a user's browser tab would. */
export async function openWorkbench(browser: Browser, server: CodeServer, run: VSCodeRun): Promise<Workbench> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  await page.goto(`${server.origin}/?${new URLSearchParams({ folder: run.workspace })}`);
  await page.waitForSelector('.monaco-workbench', { timeout: LOAD_DEADLINE_MS });
  return { page, console: messages, close: () => page.close() };
}

/**
 * Runs the bundled suite (run.suiteDir) in code-server's extension host, the way VS Code's web workbench runs
 * extension tests: `extensionDevelopmentPath`/`extensionTestsPath` in the URL payload, as vscode-remote: URIs of the
 * server's file system. The workbench reports the end through `window.codeAutomationExit(code)`.
 */
export async function runSuite(browser: Browser, server: CodeServer, run: VSCodeRun): Promise<{ exitCode: number; console: string[] }> {
  const remote = (file: string) => `vscode-remote://${server.authority}${file}`;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  let exited: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
  const payload = [
    ['extensionDevelopmentPath', remote(run.suiteDir)],
    ['extensionTestsPath', remote(`${run.suiteDir}/index.js`)],
  ];
  try {
    await page.goto(`${server.origin}/?${new URLSearchParams({ folder: run.workspace, payload: JSON.stringify(payload) })}`);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the suite did not finish within ${SUITE_DEADLINE_MS} ms`)), SUITE_DEADLINE_MS);
    });
    const exitCode = await Promise.race([exit, deadline]).finally(() => clearTimeout(timer));
    return { exitCode, console: messages };
  } catch (error) {
    (error as Error).message += `\npage console:\n${messages.join('\n')}`;
    throw error;
  } finally {
    await page.close();
  }
}

/** Opens `fileName` with Quick Open (Ctrl+P), as a user would, and waits for its editor to show `text`. */
export async function openFile(page: Page, fileName: string, text: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } }); // focus the workbench
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_DEADLINE_MS });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: UI_DEADLINE_MS });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: text }).first().waitFor({ timeout: UI_DEADLINE_MS });
}

/** Waits for a code lens of the active editor whose text matches `title`, and returns its text. */
export async function codeLens(page: Page, title: RegExp): Promise<string> {
  const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: title }).first();
  await lens.waitFor({ timeout: UI_DEADLINE_MS });
  return (await lens.textContent()) ?? '';
}

/**
 * Rests the mouse on `text` in the active editor and waits for a hover that contains `expected`; returns the
 * hover's text as shown.
 */
export async function hoverText(page: Page, text: string, expected: string): Promise<string> {
  const point = await page.evaluate((needle) => {
    // Runs in the page. Monaco draws each line as spans of text, spaces sometimes as no-break spaces: find the
    // characters themselves and the box they are drawn in.
    const document = (globalThis as unknown as { document: InPageDocument }).document;
    const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const walker = document.createTreeWalker(line, SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`"${text}" is not on screen in the editor`);
  await page.mouse.move(point.x, point.y - 30);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
  await hover.waitFor({ state: 'visible', timeout: UI_DEADLINE_MS });
  return (await hover.innerText()).trim();
}

// The few DOM calls hoverText makes in the page, typed here: the project compiles without the DOM library.
interface InPageNode {
  textContent: string | null;
}
interface InPageDocument {
  querySelectorAll(selector: string): Iterable<InPageNode>;
  createTreeWalker(root: InPageNode, whatToShow: number): { nextNode(): InPageNode | null };
  createRange(): {
    setStart(node: InPageNode, offset: number): void;
    setEnd(node: InPageNode, offset: number): void;
    getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  };
}
