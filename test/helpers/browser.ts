/**
 * Real headless Chromium for the page tests: Debian's `chromium` driven by playwright-core.
 *
 *   const browser = await launchBrowser();   // installs chromium with apt-get when missing (root only)
 *
 * CI starts on a fresh machine, so a missing browser is installed, never skipped; when it cannot be
 * installed (not root, apt failing) this throws with what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The flags every page test runs Chromium with. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

function run(command: string, args: string[]): void {
  execFileSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 15 * 60_000,
  });
}

/** Returns the Chromium path, installing Debian's package first when it is missing and we are root. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM_PATH} is missing and this process is not root: install it with "sudo apt-get install -y chromium".`);
  }
  try {
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  } catch {
    // a fresh machine may have no package lists yet
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get install chromium finished but ${CHROMIUM_PATH} is still missing.`);
  return CHROMIUM_PATH;
}

/** Launches headless Chromium (installing it when needed). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
}
