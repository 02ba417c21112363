import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cataloguePath, codeAnchor, helpLink, loadCatalogue } from '../../probe/catalogue';
import { createAjv, describeErrors } from '../../registry/ajv';
import { dataDir, loadRegistry, providerSchema } from '../../registry/load';

const catalogueSchemaPath = join(dataDir, 'schema', 'probe-codes.schema.json');

const enumCodes = (providerSchema as { definitions: { probeCode: { enum: string[] } } }).definitions.probeCode.enum;
const catalogue = loadCatalogue();
const validate = createAjv().compile(JSON.parse(readFileSync(catalogueSchemaPath, 'utf8')));

describe('the error catalogue (data/probe-codes.json)', () => {
  it('passes its schema', () => {
    const data = JSON.parse(readFileSync(cataloguePath, 'utf8'));
    expect(validate(data), describeErrors(validate.errors, 'probe-codes.json').join('\n')).toBe(true);
  });

  it('the schema rejects an entry without a fix', () => {
    expect(validate({ AUTH_FAILED: { title: { 'zh-Hans': '标题', en: 'Title' }, message: { 'zh-Hans': '说明', en: 'Text' } } })).toBe(false);
  });

  it('has exactly the codes of the probeCode enum', () => {
    expect(Object.keys(catalogue).sort()).toEqual([...enumCodes].sort());
  });

  it.each(enumCodes)('%s has a title, message and fix in both languages, and they differ', (code) => {
    const entry = catalogue[code as keyof typeof catalogue];
    for (const field of [entry.title, entry.message, entry.fix]) {
      expect(field['zh-Hans']).toMatch(/[\u4e00-\u9fff]/);
      expect(field.en).toMatch(/^[A-Z]/);
    }
    expect(entry.message.en).not.toBe(entry.fix.en);
  });

  it.each(['DNS_NOT_FOUND', 'DNS_FAILED', 'TCP_REFUSED', 'TCP_TIMEOUT'] as const)(
    '%s has its own words for a server from the guide, which do not send the reader to their spelling',
    (code) => {
      const own = catalogue[code].registryHost;
      expect(own, code).toBeDefined();
      for (const lang of ['zh-Hans', 'en'] as const) {
        expect(own!.message[lang]).not.toBe(catalogue[code].message[lang]);
        expect(own!.message[lang] + own!.fix[lang]).not.toMatch(/拼错|核对服务器地址|misspel|letter by letter|Check the server name/);
        expect(own!.fix[lang]).toMatch(/客服|support/);
      }
    },
  );

  it("says {credential} where it means the provider's password, never one provider's name for it", () => {
    const texts = Object.values(catalogue).flatMap((e) => [e.title, e.message, e.fix, ...(e.registryHost ? [e.registryHost.message, e.registryHost.fix] : [])]);
    for (const text of texts.flatMap((t) => [t['zh-Hans'], t.en])) {
      expect(text.replace(/\{credential\}/g, '')).not.toMatch(/授权码|授权密码|专用密码|应用密码|authori[sz]ation (code|password)|app password/i);
      expect(text.replace(/\{credential\}/g, '')).not.toMatch(/[{}]/);
    }
    expect(texts.some((t) => t['zh-Hans'].includes('{credential}') && t.en.includes('{credential}'))).toBe(true);
  });

  it('calls what the checker does 检查, as its buttons do', () => {
    expect(readFileSync(cataloguePath, 'utf8')).not.toContain('检测');
  });

  it('links generic codes to the troubleshooting page, in the requested language', () => {
    expect(codeAnchor('TLS_CERT_EXPIRED')).toBe('tls-cert-expired');
    expect(helpLink('zh-Hans', 'TLS_CERT_EXPIRED')).toBe('/youxiang/300-bangding-cuowu-mailbox-binding-errors#tls-cert-expired');
    expect(helpLink('en', 'AUTH_FAILED')).toBe('/en/youxiang/300-bangding-cuowu-mailbox-binding-errors#auth-failed');
  });

  it('links a provider error to its guide when hosted, else to the troubleshooting page by error id', () => {
    const providers = loadRegistry();
    for (const provider of providers) {
      for (const error of provider.errors) {
        const link = helpLink('en', error.code, { provider, error });
        expect(link).toBe(
          provider.guide.hosted
            ? `/en/youxiang/${provider.guide.slug}#${error.anchor}`
            : `/en/youxiang/300-bangding-cuowu-mailbox-binding-errors#${error.id}`,
        );
      }
    }
  });
});
