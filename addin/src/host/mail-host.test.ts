// The addresses the pane looks up: everyone but the user, normalised, each once.
import { describe, expect, it } from 'vitest';
import { addressesOf, type MailItem } from './mail-host';

describe('addressesOf', () => {
  it('drops the user and duplicates and lower-cases the rest', () => {
    const item: MailItem = {
      mode: 'read',
      key: 'k',
      subject: '',
      from: { email: ' Julia@Kunde.de ', name: 'Julia' },
      recipients: [
        { email: 'ANNA@seller.example', name: 'Anna' },
        { email: 'julia@kunde.de', name: 'Julia again' },
        { email: 'stefan@kunde.de', name: 'Stefan' },
        { email: '', name: 'No address' },
      ],
      internetMessageId: null,
      conversationId: null,
      when: new Date(),
    };
    expect(addressesOf(item, 'anna@seller.example')).toEqual([
      { email: 'julia@kunde.de', name: 'Julia' },
      { email: 'stefan@kunde.de', name: 'Stefan' },
    ]);
  });
});
