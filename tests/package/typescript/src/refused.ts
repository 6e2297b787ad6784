// Must NOT compile: an overview with no period and no range. The package test
// runs tsc on this file alone and expects exactly this error on the marked line.
import { createAnalytics } from 'tiktok-catalog-analytics';

const engine = await createAnalytics();
engine.overview({}); // refused: TS2345
