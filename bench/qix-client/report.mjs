// The call-rate report of the qix client benchmark: tables of figures per socket kind, and
// each library's ratio to the raw clients, with the control (the typed entry over a second
// copy of itself) printed beside them, so that a reader sees how far apart identical code lands.
import { CONTROL } from './clients.mjs';
import { median, medianInterval, spread } from './measure.mjs';

const COLUMN = 22;
export const LABEL = 38;
const TARGET = 0.95;
const LIBRARIES = ['@qlikit/qix/enigma', '@qlikit/qix', 'enigma.js'];

/** Prints a table: a title, column names, then rows of a label and one cell per column. */
export function table(title, columns, rows) {
  console.log(`\n${title}`);
  console.log(`${''.padEnd(LABEL)}${columns.map((c) => c.padStart(COLUMN)).join('')}`);
  for (const [label, cells] of rows) {
    console.log(`${label.padEnd(LABEL)}${cells.map((c) => c.padStart(COLUMN)).join('')}`);
  }
}

/** Prints the call-rate figures and ratios of every socket kind (entries pooled over processes). */
export function reportCalls(kinds, entries, inFlight) {
  for (const kind of kinds) {
    const mine = entries.filter((entry) => entry.kind === kind);
    const figure = (key, digits = 0) => mine.map((entry) => spread(entry.calls[key], digits));
    table(
      `calls/s on ${kind} (EngineVersion, answered at once)`,
      mine.map((entry) => entry.name),
      [
        ['sequential', figure('sequential')],
        [`pipelined (${inFlight} in flight)`, figure('pipelined')],
        ['  client CPU µs per pipelined call', figure('cpu', 2)],
        ['  server CPU µs per pipelined call', figure('serverCpu', 2)],
        ['  calls per client read syscall', figure('callsPerRead')],
        ['  calls per client write syscall', figure('callsPerWrite')],
        ['  calls per server read syscall', figure('serverCallsPerRead')],
      ],
    );
    const byName = Object.fromEntries(mine.map((entry) => [entry.name, entry.calls]));
    const raws = mine.filter((entry) => entry.name.startsWith('raw'));
    if (raws.length === 0) continue;
    const present = LIBRARIES.filter((name) => byName[name]);
    const baseline = Object.keys(byName).find((name) => name.startsWith('@qlikit/qix@'));
    // Each row: `a / b` per round; in CPU time inverted (b's cost over a's), so that for both
    // figures higher is better and 1.00 is as good as what it is compared with.
    const rows = (key, best, inverted) => {
      const row = (a, b, target) => {
        const [x, y] = inverted ? [b, a] : [a, b];
        ratioRow(`${x} / ${y}`, byName[x][key], byName[y][key], target);
      };
      for (const name of present) {
        row(name, best.name, name === 'enigma.js' ? '' : `  [>= ${TARGET.toFixed(2)}]`);
      }
      if (byName['enigma.js'] && byName['@qlikit/qix/enigma'])
        row('@qlikit/qix/enigma', 'enigma.js', '');
      if (baseline && byName['@qlikit/qix'])
        row('@qlikit/qix', baseline, '  [no loss: >= 1.00 within the control]');
      if (byName[CONTROL] && byName['@qlikit/qix'])
        row('@qlikit/qix', CONTROL, '  [control, the noise floor: the same code twice]');
    };
    const best = raws.reduce((a, b) =>
      median(b.calls.pipelined) > median(a.calls.pipelined) ? b : a,
    );
    console.log(
      `  pipelined calls/s, library / ${best.name} (the better raw client here${byName['raw corked'] ? '' : '; raw corked not measured'}):\n` +
        `    ${''.padEnd(44)}ratio of medians; median of per-round ratios [its 95% CI] (min–max)`,
    );
    rows('pipelined', best, false);
    // The same in CPU time per call, raw over library (higher is better: 1.00 costs what the
    // floor costs), against the raw client that costs least: on a loaded machine the uncorked
    // one can win on calls/s (the server process is then the bottleneck) while it costs the
    // client much more CPU per call.
    const floor = raws.reduce((a, b) => (median(b.calls.cpu) < median(a.calls.cpu) ? b : a));
    console.log(
      `  client CPU per pipelined call, ${floor.name} / library (>= 1.00: no dearer than the floor):`,
    );
    rows('cpu', floor, true);
  }
}

/** One ratio: of the medians, and the median [95% CI] (min–max) of the per-round ratios. */
function ratioRow(label, ours, theirs, target) {
  const perRound = ours.map((value, i) => value / theirs[i]);
  const [low, high] = medianInterval(perRound);
  const sorted = [...perRound].sort((a, b) => a - b);
  const f = (value) => value.toFixed(3);
  console.log(
    `    ${label.padEnd(44)}${f(median(ours) / median(theirs))}; ${f(median(perRound))} [${f(low)}–${f(high)}] (${f(sorted[0])}–${f(sorted.at(-1))})${target}`,
  );
}
