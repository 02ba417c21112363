// The probe library: no HTTP here; server/handler.ts is one caller of it.
export { probeServer, type ProbeOptions } from './probe';
export { parseHost, blockedReason, blockedPort, DEFAULT_PORTS, type GuardPolicy } from './address-guard';
export { loadCatalogue, helpLink, codeAnchor, guideUrl, TROUBLESHOOTING_SLUG, type Catalogue } from './catalogue';
export { matchRegistry } from './classify';
export { detectProvider, type Detection } from './detect';
export type * from './types';
