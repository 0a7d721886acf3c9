import { describe, expect, it } from 'vitest';
import {
  createEmailMatcher,
  describeInvalidEmail,
  emailOfMailto,
  extractEmailAddress,
  MAX_EMAIL_LENGTH,
  parseEmailAddress,
} from '../../utils/email-grammar';

const emailsIn = (text: string) => [...text.matchAll(createEmailMatcher())].map((m) => m[0]);

describe('finding email addresses in running text', () => {
  it.each([
    ['a plain address', 'From: jenny.rosen@example.com', ['jenny.rosen@example.com']],
    ['plus-addressing', 'jenny+billing@example.com wrote', ['jenny+billing@example.com']],
    ['a subdomain', 'ops@mail.eu.example.co.uk', ['ops@mail.eu.example.co.uk']],
    ['a trailing full stop', 'Write to jenny@example.com.', ['jenny@example.com']],
    [
      'trailing punctuation',
      'jenny@example.com, sam@example.org; (x@example.net)!',
      ['jenny@example.com', 'sam@example.org', 'x@example.net'],
    ],
    ['angle brackets', 'Jenny Rosen <jenny@example.com>', ['jenny@example.com']],
    ['after a colon', 'Requester:jenny@example.com', ['jenny@example.com']],
    ['an internationalised domain', 'kunde@bücher.de', ['kunde@bücher.de']],
    ['a punycode domain', 'kunde@xn--bcher-kva.de', ['kunde@xn--bcher-kva.de']],
    ['a non-Latin address', 'пользователь@пример.рф', ['пользователь@пример.рф']],
    ['digits and underscores', 'user_42@example.com', ['user_42@example.com']],
    ['an apostrophe after it', "jenny@example.com's order", ['jenny@example.com']],
    ['upper case kept as written', 'Jenny.Rosen@Example.COM', ['Jenny.Rosen@Example.COM']],
  ])('finds %s', (_name, text, expected) => {
    expect(emailsIn(text)).toEqual(expected);
  });

  it.each([
    ['no domain dot', 'root@localhost'],
    ['a numeric domain', 'user@192.168.0.1'],
    ['a one-letter top label', 'user@example.c'],
    ['a bare at sign', 'meet @ noon, or @jenny on Slack'],
    ['a leading dot', 'see .jenny@example.com'.replace(' .', ' ..')],
    ['a doubled dot', 'jenny..rosen@example.com'],
    ['a hyphen ending a label', 'jenny@example-.com'],
    ['two at signs', 'jenny@rosen@example.com'],
  ])('ignores %s', (_name, text) => {
    expect(emailsIn(text)).toEqual([]);
  });

  it('stays linear on a long word with no address in it', () => {
    const text = `${'a.b-c_d%e+'.repeat(20_000)}@`;
    const started = performance.now();
    emailsIn(text);
    // Generous: a quadratic search takes minutes here; a linear one, milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('parseEmailAddress and its reasons', () => {
  it('accepts a whole address and nothing around it', () => {
    expect(parseEmailAddress('jenny@example.com')).toBe('jenny@example.com');
    expect(parseEmailAddress(' jenny@example.com')).toBeNull();
    expect(parseEmailAddress('jenny@example.com>')).toBeNull();
  });

  it(`refuses an address over ${MAX_EMAIL_LENGTH} characters`, () => {
    const long = `${'a'.repeat(64)}.`.repeat(8) + '@example.com';
    expect(long.length).toBeGreaterThan(MAX_EMAIL_LENGTH);
    expect(parseEmailAddress(long)).toBeNull();
    expect(describeInvalidEmail(long)).toContain(`at most ${MAX_EMAIL_LENGTH}`);
  });

  it.each([
    ['jenny @example.com', 'no spaces'],
    ['jenny@rosen@example.com', 'one @'],
    ['@example.com', 'before the @'],
    ['jenny@', 'after the @'],
    ['jenny@localhost', 'has no dot'],
    ['.jenny@example.com', 'cannot start or end with a dot'],
    ['jenny@exa!mple.com', 'stray characters'],
  ])('%j: %s', (candidate, reason) => {
    expect(parseEmailAddress(candidate)).toBeNull();
    expect(describeInvalidEmail(candidate)).toContain(reason);
  });
});

describe('mailto: links and pasted text', () => {
  it.each([
    ['mailto:jenny@example.com', 'jenny@example.com'],
    ['MAILTO:jenny@example.com?subject=Refund%20please&cc=boss@example.com', 'jenny@example.com'],
    ['mailto:jenny%2Bbilling@example.com', 'jenny+billing@example.com'],
    ['mailto:jenny@example.com,sam@example.org', 'jenny@example.com'],
    ['mailto:?subject=no-recipient', null],
    ['mailto:%E0%A4%A', null],
    ['https://example.com/jenny@example.com', null],
  ])('%j → %s', (href, expected) => {
    expect(emailOfMailto(href)).toBe(expected);
  });

  it.each([
    ['  jenny@example.com  ', 'jenny@example.com'],
    ['Jenny Rosen <jenny@example.com>', 'jenny@example.com'],
    ['mailto:jenny@example.com?subject=Hi', 'jenny@example.com'],
    ['no address here', null],
  ])('extracts from %j', (pasted, expected) => {
    expect(extractEmailAddress(pasted)).toBe(expected);
  });
});
