// Stands in for a module the site does not need (see first-load-plugin.ts).
