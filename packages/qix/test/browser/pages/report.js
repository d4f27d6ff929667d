// Runs a scenario in the page and hands its outcome to the test through the
// function the test exposed as `reportResult`; a thrown error is reported, not lost.

/** Runs `scenario` and reports `{ ok, result }` or `{ ok: false, error, code }`. */
export async function runAndReport(scenario) {
  let outcome;
  try {
    outcome = { ok: true, result: await scenario() };
  } catch (error) {
    outcome = { ok: false, error: String(error?.stack ?? error), code: error?.code };
  }
  await globalThis.reportResult(outcome);
}

/** The engine URL and app id the test put in the page's query string. */
export function pageParams() {
  const params = new URL(globalThis.location.href).searchParams;
  return { engine: params.get('engine'), app: params.get('app') };
}

/** The qText of every cell of a data page, row by row. */
export function texts(page) {
  return page.qMatrix.map((row) => row.map((cell) => cell.qText));
}
