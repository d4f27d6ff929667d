// Qlik's chart packages ship bundles without type declarations; nebula.js takes them as they are.
declare module '@nebula.js/sn-bar-chart' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-line-chart' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-pie-chart' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-kpi' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-table' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-filter-pane' {
  const chart: unknown;
  export default chart;
}
