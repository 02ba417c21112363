import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, serviceFailure } from '../../src/checker/service';

describe('the endpoint failing is told apart by status', () => {
  it.each([
    [404, 'missing'],
    [405, 'missing'],
    [500, 'broken'],
    [502, 'broken'],
    [504, 'broken'],
    [503, 'busy'],
    [429, 'limited'],
    [400, 'refused'],
    [413, 'refused'],
  ])('%i → %s', (status, kind) => {
    expect(serviceFailure(status, null).kind).toBe(kind);
  });

  it('reads Retry-After as seconds or as a date, and reports none when it is missing', () => {
    const now = Date.parse('2026-03-01T08:00:00Z');
    expect(serviceFailure(429, '42', now)).toEqual({ kind: 'limited', retryAfter: 42 });
    expect(serviceFailure(503, 'Sun, 01 Mar 2026 08:01:30 GMT', now)).toEqual({ kind: 'busy', retryAfter: 90 });
    expect(serviceFailure(503, null, now)).toEqual({ kind: 'busy', retryAfter: null });
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds('0', now)).toBe(1);
  });
});
