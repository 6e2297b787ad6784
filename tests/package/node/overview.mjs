// node overview.mjs CATALOG PERIOD: the installed package's overview of a
// catalog file, as JSON on stdout (the package test compares it with the CLI).
import { readFile } from 'node:fs/promises';
import { createAnalytics } from 'tiktok-catalog-analytics';

const [file, period] = process.argv.slice(2);
const engine = await createAnalytics();
engine.load(await readFile(file));
process.stdout.write(JSON.stringify(engine.overview({ period: Number(period), limit: 20 })));
engine.dispose();
