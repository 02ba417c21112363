import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProvider, providersDir } from '../../registry/load';

const netease = JSON.parse(readFileSync(join(providersDir, 'netease.json'), 'utf8'));
const clone = () => structuredClone(netease);

describe('provider schema', () => {
  it('rejects {} and names every required field', () => {
    const problems = checkProvider({}, 'empty.json');
    for (const field of ['id', 'kind', 'names', 'guide', 'serverSets', 'credential', 'mx', 'errors', 'pitfalls', 'paths']) {
      expect(problems.some((p) => p.includes(`"${field}"`))).toBe(true);
    }
    expect(problems.every((p) => p.startsWith('empty.json:'))).toBe(true);
  });

  it('accepts the NetEase file as it is', () => {
    expect(checkProvider(clone(), 'netease.json')).toEqual([]);
  });

  const malformed: [string, (p: any) => void, RegExp][] = [
    ['a port given as a string', (p) => (p.serverSets[0].servers[0].port = '993'), /\/serverSets\/0\/servers\/0\/port must be integer/],
    ['a port out of range', (p) => (p.serverSets[0].servers[0].port = 70000), /\/serverSets\/0\/servers\/0\/port must be <= 65535/],
    ['plaintext security', (p) => (p.serverSets[0].servers[0].security = 'plain'), /\/serverSets\/0\/servers\/0\/security is "plain".*Use one of: "ssl", "starttls"/],
    ['a host with a scheme', (p) => (p.serverSets[0].servers[0].host = 'imaps://imap.qiye.163.com'), /\/serverSets\/0\/servers\/0\/host must match pattern/],
    ['an unknown field', (p) => (p.credential.lenght = 16), /\/credential has an unknown field "lenght"/],
    ['a missing English text', (p) => delete p.errors[0].meaning.en, /\/errors\/0\/meaning is missing the field "en"/],
    ['an empty Chinese text', (p) => (p.names['zh-Hans'] = ''), /\/names\/zh-Hans must NOT have fewer than 1 characters/],
    ['an error matching both ways', (p) => (p.errors[0].match = { literal: 'ERR.X', pattern: 'ERR' }), /\/errors\/0\/match must NOT have more than 1 properties/],
    ['an invalid regular expression', (p) => (p.errors[0].match = { pattern: 'ERR(' }), /\/errors\/0\/match\/pattern must match format "regex"/],
    ['an unknown checker code', (p) => (p.errors[0].code = 'AUTH_WHATEVER'), /\/errors\/0\/code is "AUTH_WHATEVER"/],
    ['an anchor with capitals', (p) => (p.errors[0].anchor = 'Lift-IP'), /\/errors\/0\/anchor must match pattern/],
    ['a slug without its page number', (p) => (p.guide.slug = 'wangyi-qiyeyouxiang'), /\/guide\/slug must match pattern/],
    ['no server sets', (p) => (p.serverSets = []), /\/serverSets must NOT have fewer than 1 items/],
    ['an id that differs from the file name', (p) => (p.id = 'netease2'), /\/id is "netease2" but the file is named netease\.json/],
  ];

  it.each(malformed)('rejects %s, naming the field', (_name, mutate, message) => {
    const data = clone();
    mutate(data);
    const problems = checkProvider(data, 'netease.json');
    expect(problems.join('\n')).toMatch(message);
    expect(problems.every((p) => p.startsWith('netease.json: '))).toBe(true);
  });

  it('says how to fix a missing field using the schema description', () => {
    const data = clone();
    delete data.guide;
    expect(checkProvider(data, 'netease.json').join('\n')).toMatch(/missing the field "guide". Add it. Expected: Where the guide/);
  });
});
