import { createHash } from 'node:crypto';
import type { Handbook } from '../types.js';
import { INTERACTIVE_CLIENT_JS } from './clientScript.js';
import { jsonForScript } from './jsonScript.js';
import { interactivePayload } from './mapPayload.js';

/** The interactive layer of the HTML handbook: the script elements to append to the body and the CSP `script-src` that admits exactly them. */
export interface InteractiveLayer {
  /** `<script>` elements: the payload (JSON, not executed), the ECharts build, the client. */
  readonly scripts: string;
  /** e.g. `script-src 'sha256-…' 'sha256-…'`: the hashes of the two inline scripts, nothing else. */
  readonly scriptSrc: string;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The interactive 招商图谱 of a handbook as script elements: the payload as JSON in
 * `<script type="application/json" id="ct-map-data">` (escaped by `jsonForScript`, so no name can close the element),
 * the ECharts browser build and the client script, inline (the page works offline). The page's
 * Content-Security-Policy admits these two scripts by their SHA-256 hash and no other script.
 *
 * @param hb - the handbook
 * @param echartsJs - the ECharts browser build (`readEchartsBrowserBuild()`)
 * @returns the scripts and the `script-src` directive
 * @example
 * const layer = interactiveLayer(buildHandbook(liaocheng()), await readEchartsBrowserBuild());
 */
export function interactiveLayer(hb: Handbook, echartsJs: string): InteractiveLayer {
  const data = jsonForScript(interactivePayload(hb));
  return {
    scripts: `<script type="application/json" id="ct-map-data">${data}</script>\n<script>${echartsJs}</script>\n<script>${INTERACTIVE_CLIENT_JS}</script>`,
    scriptSrc: `script-src ${sha256(echartsJs)} ${sha256(INTERACTIVE_CLIENT_JS)}`,
  };
}
