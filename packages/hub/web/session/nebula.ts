import { embed } from '@nebula.js/stardust';
import barchart from '@nebula.js/sn-bar-chart';
import filterpane from '@nebula.js/sn-filter-pane';
import kpi from '@nebula.js/sn-kpi';
import linechart from '@nebula.js/sn-line-chart';
import piechart from '@nebula.js/sn-pie-chart';
import table from '@nebula.js/sn-table';
import type { Doc } from '@qlikit/qix';

/** The visualization types the hub draws, by the `visualization` name objects carry. */
const TYPES = { barchart, linechart, piechart, kpi, table, filterpane } as const;

/** A nebula.js embed of an app with Qlik's chart packages registered. */
export type Nebula = ReturnType<typeof embed>;

/** nebula.js on an app's Doc: Qlik's own packages draw every chart, in the light theme. */
export function nebulaFor(doc: Doc): Nebula {
  return embed(doc as never, {
    context: { theme: 'light', language: 'en-US' },
    types: Object.entries(TYPES).map(([name, module]) => ({
      name,
      load: () => Promise.resolve(module as never),
    })),
  });
}
