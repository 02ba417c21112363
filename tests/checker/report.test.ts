import { describe, expect, it } from 'vitest';
import { reportText, type ReportLabels } from '../../src/checker/report';
import type { ProbeResult } from '../../src/checker/types';

const labels: ReportLabels = {
  title: 'Laifaxin mailbox check', provider: 'Provider', email: 'Email', servers: 'Servers', time: 'Time',
  ok: 'ok', failed: 'failed', skipped: 'skipped', reply: 'Server said', explanation: 'Meaning', link: 'Fix',
  support: 'Send this report to Laifaxin support',
};

const imap: ProbeResult = {
  protocol: 'imap', host: 'hwhzimap.qiye.163.com', port: 993, security: 'ssl', ok: false,
  stages: [
    { name: 'dns', ok: true, ms: 3 }, { name: 'tcp', ok: true, ms: 21 }, { name: 'tls', ok: true, ms: 40 },
    { name: 'greeting', ok: true, ms: 12 }, { name: 'capabilities', ok: true, ms: 9 }, { name: 'auth', ok: false, ms: 130 },
  ],
  error: {
    code: 'AUTH_IP_DENIED', stage: 'auth', providerCode: 'ERR.LOGIN.IPDENY', serverText: 'a1 NO [AUTHENTICATIONFAILED] ERR.LOGIN.IPDENY',
    message: 'Your admin restricts login IPs.', help: '/en/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox#lift-ip-restriction',
  },
};
const smtp: ProbeResult = {
  protocol: 'smtp', host: 'hwhzsmtp.qiye.163.com', port: 465, security: 'ssl', ok: true,
  stages: [{ name: 'dns', ok: true, ms: 2 }, { name: 'auth', ok: false, ms: 0, skipped: 'no password' }], error: null,
};

const input = {
  provider: { id: 'netease', name: 'NetEase Enterprise Mail' }, email: 'sales@company.cn', setLabel: 'Recommended', mode: 'Check login',
  results: [imap, smtp], at: new Date('2025-03-01T08:30:00Z'), origin: 'https://laifa.xin',
};

describe('report text', () => {
  const text = reportText(input, labels, 'Secret-Code-1234');

  it('names the provider, address, set and time', () => {
    expect(text).toContain('Provider: NetEase Enterprise Mail (netease)');
    expect(text).toContain('Email: sales@company.cn');
    expect(text).toContain('Servers: Recommended · Check login');
    expect(text).toContain('Time: 2025-03-01T08:30:00.000Z');
  });

  it('gives each server its status, codes and stage times', () => {
    expect(text).toContain('IMAP hwhzimap.qiye.163.com:993 SSL/TLS — failed AUTH_IP_DENIED (ERR.LOGIN.IPDENY)');
    expect(text).toContain('dns ok 3 ms · tcp ok 21 ms · tls ok 40 ms · greeting ok 12 ms · capabilities ok 9 ms · auth failed 130 ms');
    expect(text).toContain('SMTP hwhzsmtp.qiye.163.com:465 SSL/TLS — ok');
    expect(text).toContain('auth skipped 0 ms');
  });

  it('quotes the server and links the fix with an absolute URL a chat can open', () => {
    expect(text).toContain('Server said: a1 NO [AUTHENTICATIONFAILED] ERR.LOGIN.IPDENY');
    expect(text).toContain('Fix: https://laifa.xin/en/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox#lift-ip-restriction');
  });

  it('ends by telling the reader to send it to support, with the contact page', () => {
    expect(text.split('\n').at(-1)).toBe('Send this report to Laifaxin support: https://laifa.xin/zhinan/contact-us');
  });

  it('never carries the password, even if a reply echoed it', () => {
    const echoed = { ...imap, error: { ...imap.error!, serverText: 'NO login Secret-Code-1234 rejected' } };
    const leaked = reportText({ ...input, results: [echoed] }, labels, 'Secret-Code-1234');
    expect(leaked).not.toContain('Secret-Code-1234');
    expect(leaked).toContain('NO login *** rejected');
  });
});
