// Notes about where a fact came from belong in the registry's `source` fields, never in
// what a reader sees. These are the ways such notes have been written on the pages.
export const provenancePatterns: RegExp[] = [
  /原(中文)?指南/,
  /原有(的)?指南/,
  /交叉核对/,
  /汇总(资料|页)/,
  /(没有|未)核实/,
  /未经证实/,
  /第三方资料/,
  /官方资料/,
  /original (Chinese )?guide/i,
  /earlier guide/i,
  /third-party sources?/i,
  /summary pages?/i,
  /not (been )?(checked|verified|confirmed)/i,
  /\bunverified\b/i,
  /\bunconfirmed\b/i,
  /cross-check/i,
];

/** The provenance phrases found in a text, empty when there are none. */
export function provenanceIn(text: string): string[] {
  return provenancePatterns.flatMap((pattern) => text.match(pattern)?.[0] ?? []);
}
