/**
 * The drop-in script, `dist/mem-sim.js`: one `<script type="module">` on any page defines
 * `<mem-sim>` and upgrades every memsim code block, present now or added later. Scheme code,
 * views and Mermaid load from the folder beside this file when a page first needs them.
 */
import './mem-sim.js';
import { upgradeDocument } from './upgrade.js';

upgradeDocument();
