import { describe, expect, it } from 'vitest';
import { escapeText, expiryIcs, foldLine } from '../../src/checker/ics';

const event = {
  date: '2025-06-30', daysBefore: 7,
  summary: '网易企业邮箱客户端授权密码即将到期',
  description: '客户端授权密码将在 2025-06-30 到期。请生成新的客户端授权密码，并在来发信里更新绑定。操作方法：https://laifa.xin/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox',
  url: 'https://laifa.xin/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox',
  uid: 'netease-expiry-2025-06-30@laifa.xin', now: new Date('2025-03-01T08:30:05.123Z'),
};

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('expiry calendar file', () => {
  const ics = expiryIcs(event);
  const lines = ics.split('\r\n');

  it('is a VCALENDAR with CRLF line ends and one all-day event on the expiry date', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('DTSTART;VALUE=DATE:20250630');
    expect(lines).toContain('DTEND;VALUE=DATE:20250701');
    expect(lines).toContain('DTSTAMP:20250301T083005Z');
    expect(lines).toContain('UID:netease-expiry-2025-06-30@laifa.xin');
  });

  it('has an alarm the chosen number of days before, at 09:00', () => {
    const alarm = lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM') + 1);
    expect(alarm).toContain('ACTION:DISPLAY');
    expect(alarm).toContain('TRIGGER:-P6DT15H');
    expect(alarm.some((l) => l.startsWith('DESCRIPTION:'))).toBe(true);
  });

  it('folds every line at 75 octets without splitting a character', () => {
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
    expect(unfold(ics)).toContain(`DESCRIPTION:${escapeText(event.description)}`);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const withComma = expiryIcs({ ...event, summary: 'Code expires, renew; now' });
    expect(unfold(withComma)).toContain('SUMMARY:Code expires\\, renew\\; now');
  });

  it('folds a long ASCII line into 75-octet pieces', () => {
    const folded = foldLine(`DESCRIPTION:${'x'.repeat(200)}`).split('\r\n');
    expect(folded[0]).toHaveLength(75);
    expect(folded.slice(1).every((l) => l.startsWith(' ') && l.length <= 75)).toBe(true);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => expiryIcs({ ...event, date: '30/06/2025' })).toThrow(/YYYY-MM-DD/);
  });
});
