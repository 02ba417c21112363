// The error lookup and the guide finder's offline step, over the real registry entries.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { errorLookupData } from '../../registry/page-data';
import { domainOf, findOffline } from '../../src/checker/finder';
import { lookup } from '../../src/checker/lookup';

const providers = loadRegistry();
const entries = errorLookupData(providers, 'zh-Hans').errors;

describe('error lookup', () => {
  it('finds the authorization-code reply in a pasted 535 line', () => {
    const ids = lookup(entries, '535 Error: 请使用授权码登录。详情请看: https://service.mail.qq.com').map((e) => `${e.code}`);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(['AUTH_CODE_REQUIRED']));
  });

  it('matches literals case-insensitively', () => {
    expect(lookup(entries, 'a1 NO [AUTHENTICATIONFAILED] err.login.ipdeny').map((e) => e.id)).toContain('err-login-ipdeny');
  });

  it('matches patterns', () => {
    expect(lookup(entries, 'NO ERR.REQ.VERIFYCODE').map((e) => e.id)).toContain('err-req-verifycode');
  });

  it('finds nothing in unrelated text or an empty box', () => {
    expect(lookup(entries, 'hello world')).toEqual([]);
    expect(lookup(entries, '   ')).toEqual([]);
  });
});

describe('guide finder, offline step', () => {
  const index = providers.map((p) => ({ id: p.id, guide: p.guide.slug, domains: p.emailDomains ?? [] }));

  it('recognizes personal domains from the registry', () => {
    expect(findOffline(index, domainOf('Li.Lei@126.COM')!)?.id).toBe('netease-163');
    expect(findOffline(index, domainOf('x@qq.com')!)?.id).toBe('qq');
  });

  it('leaves company domains to the MX lookup', () => {
    expect(findOffline(index, domainOf('sales@company.cn')!)).toBeUndefined();
  });

  it('reads the domain only from a whole address', () => {
    expect(domainOf('sales')).toBeNull();
    expect(domainOf('a@b')).toBeNull();
  });
});
