// Shared by the JS tests: the native CLI and generator as the reference, and
// paths into the repository. The native build must exist (scripts/build.sh).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'build/native/cli/tta');
export const GENERATOR = join(ROOT, 'build/native/generator/tta-generate');
export const EXAMPLES = join(ROOT, 'tests/data/examples');
export const PERIODS = [7, 28, 90, 365];
export const FILTERS = ['all', 'tiktok', 'douyin'].flatMap((platform) =>
  ['all', 'ugc', 'pgc'].map((content) => ({ platform, content })),
);

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run bash scripts/build.sh first`);
// The generator makes the catalogs of the parity, insights, lifecycle and Worker suites: a
// missing one fails them (it must never turn into skipped suites or a tiny stand-in).
if (!existsSync(GENERATOR))
  throw new Error(`${GENERATOR} is missing: run bash scripts/build.sh first`);

// Runs the CLI; resolves { code, stdout, stderr } whatever the exit status.
export function runCli(args, input = undefined) {
  return new Promise((resolve, reject) => {
    const child = spawn(CLI, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [],
      err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => {}); // the CLI may stop reading early
    child.stdin.end(input);
  });
}

// The CLI's JSON answer for `overview`/`track` arguments, or a failure.
export async function cliAnswer(args) {
  const { code, stdout, stderr } = await runCli(args);
  if (code !== 0) throw new Error(`tta ${args.join(' ')} failed (${code}): ${stderr}`);
  return JSON.parse(stdout);
}

// The message the CLI prints for a document it refuses: `tta: <message>`.
export async function cliLoadError(bytes) {
  const { code, stderr } = await runCli(['validate', '-'], bytes);
  if (code !== 2)
    throw new Error(`tta validate accepted a document it should refuse (exit ${code})`);
  return firstMessage(stderr);
}

// The first line of the CLI's stderr without "tta: " (usage text follows it).
export function firstMessage(stderr) {
  const line = stderr.split('\n')[0];
  if (!line.startsWith('tta: ')) throw new Error(`unexpected CLI stderr: ${stderr}`);
  return line.slice('tta: '.length);
}

// A set of platforms ({ platforms: [...] }) is the CLI's comma list.
export function queryArgs({ period, platform = 'all', platforms, content = 'all', limit, offset }) {
  const args = ['--period', String(period), '--platform', platforms?.join(',') ?? platform];
  args.push('--content', content);
  if (limit !== undefined) args.push('--limit', String(limit));
  if (offset !== undefined) args.push('--offset', String(offset));
  return args;
}

// Runs at most `width` promises from `tasks` (functions) at a time.
export async function inBatches(tasks, width = 4) {
  const results = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

// A temporary folder removed when the process exits.
export function scratchDir() {
  const dir = mkdtempSync(join(tmpdir(), 'tta-js-test-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// tta-generate --tracks N --days D --seed S --as-of DATE [--quiet] [--short-form] -o FILE
export function generate(
  dir,
  { tracks, days, seed, asOf = '2026-11-26', quiet = false, shortForm = false },
) {
  const file = join(
    dir,
    `catalog-${tracks}-${days}-${seed}${quiet ? '-quiet' : ''}${shortForm ? '-short' : ''}.json`,
  );
  const args = [
    '--tracks',
    String(tracks),
    '--days',
    String(days),
    '--seed',
    String(seed),
    '--as-of',
    asOf,
    '-o',
    file,
  ];
  if (quiet) args.push('--quiet');
  if (shortForm) args.push('--short-form');
  return new Promise((resolve, reject) => {
    execFile(GENERATOR, args, (error) => (error ? reject(error) : resolve(file)));
  });
}

export const readExample = (name) => readFileSync(join(EXAMPLES, name));
