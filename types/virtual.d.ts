declare module 'virtual:name-table' {
  import type { NameTable } from '../lib/engine/matcher';
  const table: NameTable;
  export default table;
}

declare module '*.css?inline' {
  /** The stylesheet's text, for a shadow root's adopted stylesheet. */
  const css: string;
  export default css;
}
