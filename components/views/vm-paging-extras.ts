/**
 * What the vm-paging view draws besides the frame table, for the scenarios that ask for it: the
 * hardware panel (tlb-panel.ts) and the faults chart of a frame range (faults-chart.ts). One lazy
 * chunk, imported by the view, so pages without those keys never fetch it.
 */
import './tlb-panel.js';
import './faults-chart.js';
