// Test files share one module graph per worker (vitest.config.ts, isolate off). A file that leaves global state
// changed would fail some later, unrelated file in the same worker, in an order that varies from run to run. This
// setup file fails the file that made the change instead: Object.prototype gaining a property (a dependency's
// plain-object cache keyed by a name like "__proto__" did that once; see src/handbook/charts/regionBarSvg.ts),
// the working directory, environment variables, or fake timers left on.
import { afterAll, expect, vi } from 'vitest';

const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const cwdBefore = process.cwd();
const envBefore = JSON.stringify(Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

afterAll(() => {
  const fake = vi.isFakeTimers();
  if (fake) vi.useRealTimers();
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), 'Object.prototype changed by this file').toEqual(protoBefore);
  expect(process.cwd(), 'process.chdir without restoring').toBe(cwdBefore);
  expect(JSON.stringify(Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), 'process.env changed by this file').toBe(envBefore);
  expect(fake, 'fake timers left on (call vi.useRealTimers())').toBe(false);
});
