// The body of POST /api/probe, exactly as the checker sends it (server/probe-request.schema.json).
import { normalize } from './validate';
import type { CheckerData, CheckerServer, CheckerValues, Locale } from './types';

export interface ProbeRequestBody {
  email: string;
  password?: string;
  provider: string;
  lang: Locale;
  servers: CheckerServer[];
}

/** The password goes only with "Check login". */
export function probeRequest(values: CheckerValues, data: CheckerData, withPassword: boolean, lang: Locale): ProbeRequestBody {
  const n = normalize(values, data);
  const servers = (['imap', 'smtp'] as const).map((protocol) => ({
    protocol,
    host: n[protocol].host,
    port: Number(n[protocol].port),
    security: n[protocol].security as CheckerServer['security'],
  }));
  return { email: n.email, ...(withPassword ? { password: n.password } : {}), provider: data.id, lang, servers };
}
