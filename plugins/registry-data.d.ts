// The guide finder's data in the locale being built, written by ./registry-plugin.ts.
declare module '@youxiang/finder-data' {
  const finder: ReturnType<typeof import('../registry/page-data').finderData>;
  export default finder;
}

// The error lookup's entries in the locale being built, written by ./registry-plugin.ts.
declare module '@youxiang/lookup-data' {
  const lookup: ReturnType<typeof import('../registry/page-data').errorLookupData>;
  export default lookup;
}
