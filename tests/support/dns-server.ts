/**
 * A DNS server on a loopback UDP port (dns2) that answers A, AAAA and MX from a fixed
 * zone and NXDOMAIN for anything else; point the probe at it with
 * PROBE_DNS_SERVERS=server.address or the dnsServers option.
 *
 *   const dns = await startDnsServer({ 'imap.test': { A: ['127.0.0.1'] },
 *     'company.cn': { MX: [{ exchange: 'qiye163mx01.mxmail.netease.com', priority: 10 }] } });
 *   dns.address // "127.0.0.1:53535"
 */
import type { AddressInfo } from 'node:net';
import dns2 from 'dns2';

export interface ZoneRecords {
  A?: string[];
  AAAA?: string[];
  MX?: { exchange: string; priority: number }[];
  /** Answer every query for the name with this response code instead, e.g. 2 = SERVFAIL. */
  rcode?: number;
}

export interface TestDnsServer {
  /** ip:port, as PROBE_DNS_SERVERS and Resolver.setServers take it. */
  address: string;
  port: number;
  /** Names asked for, in order, lowercased. */
  queries: string[];
  close(): Promise<void>;
}

const NXDOMAIN = 3;

export async function startDnsServer(zone: Record<string, ZoneRecords>): Promise<TestDnsServer> {
  const { Packet } = dns2;
  const queries: string[] = [];
  const server = dns2.createUDPServer((request, send) => {
    const response = Packet.createResponseFromRequest(request);
    const [question] = request.questions;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    queries.push(name);
    const records = zone[name];
    if (!records || records.rcode) {
      response.header.rcode = records?.rcode ?? NXDOMAIN;
    } else if (question.type === Packet.TYPE.A) {
      for (const address of records.A ?? []) response.answers.push(Packet.createResourceFromQuestion(question, { ttl: 60, address }));
    } else if (question.type === Packet.TYPE.AAAA) {
      for (const address of records.AAAA ?? []) response.answers.push(Packet.createResourceFromQuestion(question, { ttl: 60, address }));
    } else if (question.type === Packet.TYPE.MX) {
      for (const mx of records.MX ?? []) {
        response.answers.push(Packet.createResourceFromQuestion(question, { ttl: 60, exchange: mx.exchange, priority: mx.priority }));
      }
    }
    send(response);
  });
  await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    port,
    queries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
