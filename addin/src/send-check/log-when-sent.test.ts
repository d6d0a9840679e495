// The log key found again on a received or sent copy, and the record the send handler logs.
import { LOG_KEY_HEADER } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { logKeyOfHeaders, parseLogWhenSent, sentEmailLog } from './log-when-sent';

const KEY = '2b0c7a4e-5f3d-4c1e-9a8b-6d7e8f9a0b1c';

describe('the log key on a copy of the email', () => {
  it('is read from all the internet headers, whatever the case of the name', () => {
    const headers = `Received: from mail.kunde.example\r\nMessage-ID: <m1@kunde.example>\r\nX-CRM-Log-Key: ${KEY.toUpperCase()}\r\nSubject: Angebot\r\n`;
    expect(logKeyOfHeaders(headers, LOG_KEY_HEADER)).toBe(KEY);
  });

  it('is none when the header is missing or holds anything but a UUID, so the lookup never fails on it', () => {
    expect(logKeyOfHeaders('Subject: Angebot\r\n', LOG_KEY_HEADER)).toBeNull();
    expect(logKeyOfHeaders(`${LOG_KEY_HEADER}: 1 OR 1=1\r\n`, LOG_KEY_HEADER)).toBeNull();
  });
});

describe('the choice kept on the draft', () => {
  it('reads back what was saved and refuses what is not a choice', () => {
    const choice = { key: KEY, accountId: 'a', opportunityId: null, contacts: { 'tom@kunde.de': 'c' } };
    expect(parseLogWhenSent(JSON.stringify(choice))).toEqual(choice);
    expect(parseLogWhenSent('{')).toBeNull();
    expect(parseLogWhenSent(JSON.stringify({ key: KEY }))).toBeNull();
    expect(parseLogWhenSent(undefined)).toBeNull();
  });

  it('links only the contacts still among the recipients', () => {
    const body = sentEmailLog(
      { key: KEY, accountId: 'a', opportunityId: null, contacts: { 'tom@kunde.de': 'c1', 'gone@kunde.de': 'c2' } },
      { subject: 'Angebot', recipients: [{ email: 'Tom@Kunde.de', name: 'Tom' }], conversationId: null, sentAt: new Date('2026-12-02T09:00:00Z') },
    );
    expect(body).toMatchObject({ contactIds: ['c1'], accountIds: ['a'], opportunityIds: [], logKey: KEY, occurredAt: '2026-12-02T09:00:00.000Z' });
    expect('conversationId' in body).toBe(false);
  });
});
