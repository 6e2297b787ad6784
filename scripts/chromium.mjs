// Debian's headless Chromium as every browser test and the benchmark start it
// (TOOLCHAIN: no browser download; as root it needs --no-sandbox, and without
// the background-networking flags it keeps calling hosts this machine cannot
// reach).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(options = {}) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...options });
}
