// negotiator 1.x, as far as the site server uses it. @types/negotiator describes 0.6, which has
// no `preferred` option: without it a tie ("gzip, deflate, br") goes to the header's order.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> });
    encodings(available: readonly string[], options?: { preferred?: readonly string[] }): string[];
  }
}
