import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The ECharts browser build inlined into the HTML handbook (the full minified UMD build: it alone has the graph series). */
export const ECHARTS_BROWSER_BUILD = 'echarts/dist/echarts.min.js';

/**
 * Read the ECharts browser build from the installed `echarts` package (a dependency), to inline it into the HTML
 * handbook, which must work offline. Resolved from this module, so it works from the sources, the ESM and the CJS
 * builds alike.
 *
 * @returns the script text (about 1.1 MB)
 * @example
 * const js = await readEchartsBrowserBuild(); // '!function(t,e){"object"==typeof exports…'
 */
export async function readEchartsBrowserBuild(): Promise<string> {
  // `__filename` exists in the CJS build; the ESM build and the sources use import.meta.url.
  const from = typeof __filename === 'string' ? __filename : import.meta.url;
  const path = createRequire(from).resolve(ECHARTS_BROWSER_BUILD);
  // A `</script` inside the library would end the inline element early; the build has none, and this keeps it so.
  return (await readFile(path, 'utf8')).replace(/<\/(script)/gi, '<\\/$1');
}
