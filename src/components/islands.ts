// What a guide's body needs in the browser. A component that keeps state, handles events or
// runs effects must be named here: plugins/rehype-islands.ts hands everything else to the
// browser as server-rendered HTML that React never hydrates, so an undeclared widget would
// be drawn but dead (tests/plugins/islands.test.ts looks for such components). Copy buttons
// are not islands: one delegated listener serves them all (src/client/copy-buttons.ts).
export const islandComponents: ReadonlySet<string> = new Set(['Checker', 'ErrorLookup', 'ExpiryReminder', 'GuideFinder']);

// Markdown elements the theme renders with behaviour: a code block's copy button and lazy
// highlighting, <details>' animated toggle.
export const islandElements: ReadonlySet<string> = new Set(['pre', 'details']);
