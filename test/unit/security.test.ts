import { describe, expect, it } from 'vitest';
import {
  isAllowedHost,
  isAllowedOrigin,
  isInside,
  isLoopbackAddress,
  tokenMatches,
} from '../../main/core/security';

describe('security predicates', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['192.168.1.2', false],
    ['::ffff:192.168.1.2', false],
    ['0.0.0.0', false],
    ['', false],
    [undefined, false],
  ])('loopback %s: %s', (address, ok) => {
    expect(isLoopbackAddress(address)).toBe(ok);
  });

  it.each([
    ['127.0.0.1:4000', true],
    ['localhost:4000', true],
    ['127.0.0.1:4001', false],
    ['evil.example:4000', false],
    ['127.0.0.1.nip.io:4000', false],
    [undefined, false],
  ])('host %s allowed: %s', (host, ok) => {
    expect(isAllowedHost(host, 4000)).toBe(ok);
  });

  it.each([
    [undefined, true],
    ['http://127.0.0.1:4000', true],
    ['http://localhost:4000', true],
    ['http://127.0.0.1:4001', false],
    ['https://127.0.0.1:4000', false],
    ['null', false],
    ['http://evil.example', false],
  ])('origin %s allowed: %s', (origin, ok) => {
    expect(isAllowedOrigin(origin, 4000)).toBe(ok);
  });

  it.each([
    ['abc', 'abc', true],
    ['abd', 'abc', false],
    ['ab', 'abc', false],
    ['', 'abc', false],
    [null, 'abc', false],
  ])('token %s vs %s: %s', (given, expected, ok) => {
    expect(tokenMatches(given, expected)).toBe(ok);
  });

  it.each([
    ['index.html', true],
    ['assets/a.js', true],
    ['../x', false],
    ['assets/../../x', false],
    ['/etc/passwd', false],
    ['assets/../index.html', true],
  ])('%s inside root: %s', (p, ok) => {
    expect(isInside('/srv/renderer', p)).toBe(ok);
  });
});
