// Shared by the package tests: where scripts/test-package.sh left the packed
// tarball and the built host apps, a static server with the CSP a host needs,
// headless Chromium, and the CLI's answers to compare with.
import { execFile } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/chromium.mjs';

import { startServer } from '../../scripts/serve.mjs';
import { cliAnswer, generate } from '../js/helpers.mjs';

export { cliAnswer };

export const WORK = process.env.TTA_PACKAGE_WORK;
export const TARBALL = process.env.TTA_PACKAGE_TARBALL;
// node and npm only: what the host apps build and type-check with.
export const BARE_PATH = process.env.TTA_PACKAGE_PATH;
if (!WORK || !TARBALL || !BARE_PATH)
  throw new Error('run these tests through bash scripts/test-package.sh');

export const app = (name) => join(WORK, name);

// The CSP README.md gives hosts: no inline script, no eval, Workers from the origin only.
export const HOST_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
  "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

// Runs a command with the bare PATH; resolves { code, stdout, stderr }.
export function runBare(command, args, cwd) {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, PATH: BARE_PATH } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// A generated catalog beside the built page (served as /catalog.json).
export async function addCatalog(dist, { tracks, days, seed }) {
  const file = await generate(WORK, { tracks, days, seed });
  cpSync(file, join(dist, 'catalog.json'));
  return file;
}

// A built script that is the engine's Worker with the engine inside: worker.js's
// refusal and one of index.js's messages (a bare copy of worker.js has only the first).
export const isWorkerBundle = (text) =>
  text.includes('the analytics worker cannot run') &&
  text.includes('this Analytics instance was disposed');

export function serve(root, port) {
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`${root} has no index.html: the build failed`);
  return startServer({ root, port, csp: HOST_CSP });
}

export function launch() {
  return launchChromium();
}

// Records what a person would not see but a host must not get: console errors,
// CSP violations, failed requests; and every Worker and .wasm the page starts.
export function watchPage(page) {
  const seen = { problems: [], workers: [], wasm: [] };
  const listen = (target, where) =>
    target.on('console', (message) => {
      if (message.type() === 'error') seen.problems.push(`${where}: ${message.text()}`);
    });
  listen(page, 'page');
  page.on('worker', (worker) => {
    seen.workers.push(worker.url());
    listen(worker, 'worker');
  });
  page.on('pageerror', (error) => seen.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => seen.problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400)
      seen.problems.push(`HTTP ${response.status()}: ${response.url()}`);
    if (new URL(response.url()).pathname.endsWith('.wasm'))
      seen.wasm.push({
        url: response.url(),
        status: response.status(),
        type: response.headers()['content-type'],
      });
  });
  return seen;
}
