// Debian's Chromium driven by playwright-core: the browser that shows code-server's VS Code workbench.
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

// Headless in a container: no sandbox, no GPU, and nothing that reaches for the network on its own.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`node scripts/setup-editors.mjs\``);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}
