// Prefilled values of the pane's forms: names from display names, follow-ups due on working days.
import { describe, expect, it } from 'vitest';
import { splitName } from './AddContactForm';
import { defaultDueDate } from '@crm/common/web';

describe('form defaults', () => {
  it('splits display names the way people write them', () => {
    expect(splitName('Lena Vogt', 'lena@x.de')).toEqual({ firstName: 'Lena', lastName: 'Vogt' });
    expect(splitName('Vogt, Lena', 'lena@x.de')).toEqual({ firstName: 'Lena', lastName: 'Vogt' });
    expect(splitName('Anna Maria de Vries', 'a@x.nl')).toEqual({ firstName: 'Anna Maria de', lastName: 'Vries' });
    expect(splitName('', 'info@neukunde.de')).toEqual({ firstName: '', lastName: 'info' });
    expect(splitName('info@neukunde.de', 'info@neukunde.de')).toEqual({ firstName: '', lastName: 'info' });
  });

  it('puts follow-ups three working days ahead, skipping weekends', () => {
    expect(defaultDueDate(new Date(2026, 10, 24, 12))).toBe('2026-11-27'); // Tuesday -> Friday
    expect(defaultDueDate(new Date(2026, 10, 27, 12))).toBe('2026-12-02'); // Friday -> Wednesday
  });
});
