import { ColumnMapping } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { applyTemplate, headerKey, mappingForKind, mapRow, suggestMapping } from './column-mapping';

const fields = (header: string[]) => suggestMapping(header).columns.map((column) => column.field);

describe('column mapping', () => {
  it('recognises the headers of a German Excel customer list', () => {
    expect(
      fields([
        'Firma',
        'Kundennummer',
        'Anrede',
        'Titel',
        'Vorname',
        'Nachname',
        'E-Mail',
        'Telefon',
        'Mobil',
        'Straße',
        'PLZ',
        'Ort',
        'Land',
        'Branche',
        'Umsatz',
        'Position',
        'Abteilung',
        'Bemerkung',
      ]),
    ).toEqual([
      'account.name',
      'account.customerNumber',
      'contact.salutation',
      'contact.academicTitle',
      'contact.firstName',
      'contact.lastName',
      'contact.email',
      'contact.phone',
      'contact.mobile',
      'account.street',
      'account.postalCode',
      'account.city',
      'account.country',
      'account.industry',
      'account.revenue',
      'contact.jobTitle',
      'contact.department',
      'notes',
    ]);
  });

  it('recognises English headers and variants in case, umlauts, punctuation and Outlook qualifiers', () => {
    expect(
      fields(['Company', 'First Name', 'Last name', 'Email Address', 'Business Phone', 'Mobile Phone', 'Job Title', 'ZIP Code', 'City', 'Country/Region']),
    ).toEqual([
      'account.name',
      'contact.firstName',
      'contact.lastName',
      'contact.email',
      'contact.phone',
      'contact.mobile',
      'contact.jobTitle',
      'account.postalCode',
      'account.city',
      'account.country',
    ]);
    expect(fields(['UNTERNEHMEN', 'E-Mail-Adresse', 'Telefon geschäftlich', 'Strasse', 'Kd.-Nr.', 'Postleitzahl', 'Handy'])).toEqual([
      'account.name',
      'contact.email',
      'contact.phone',
      'account.street',
      'account.customerNumber',
      'account.postalCode',
      'contact.mobile',
    ]);
    expect(headerKey(' E-Mail (geschäftlich) ')).toBe(headerKey('email'));
  });

  it('leaves unknown and ambiguous headers and a second column for a taken field unmapped', () => {
    expect(suggestMapping(['Name', 'Lieblingsfarbe', 'E-Mail', 'E-Mail 2', 'Email'])).toEqual({
      columns: [
        { index: 0, header: 'Name', field: null },
        { index: 1, header: 'Lieblingsfarbe', field: null },
        { index: 2, header: 'E-Mail', field: 'contact.email' },
        { index: 3, header: 'E-Mail 2', field: null },
        { index: 4, header: 'Email', field: null },
      ],
    });
  });

  it('is a plain object that survives JSON and the contract, which refuses a field fed twice', () => {
    const mapping = suggestMapping(['Firma', 'Nachname']);
    expect(ColumnMapping.parse(JSON.parse(JSON.stringify(mapping)))).toEqual(mapping);
    const twice = ColumnMapping.safeParse({
      columns: [
        { index: 0, header: 'A', field: 'account.name' },
        { index: 1, header: 'B', field: 'account.name' },
      ],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]).toMatchObject({ path: ['columns', 1, 'field'], message: 'account.name is already fed by another column' });
  });

  it('applies a saved template by header to a file whose columns moved, keeping its "not imported"', () => {
    const template: ColumnMapping = {
      columns: [
        { index: 0, header: 'Name', field: 'account.name' },
        { index: 1, header: 'Ansprechpartner', field: 'contact.lastName' },
        { index: 2, header: 'Ort', field: null },
      ],
    };
    expect(applyTemplate(template, ['Ort', 'ansprechpartner', 'NAME', 'E-Mail', 'Firma']).columns.map((column) => column.field)).toEqual([
      null,
      'contact.lastName',
      'account.name',
      'contact.email',
      null,
    ]);
  });

  it('reads a row by field, blank cells as null and unmapped columns left out', () => {
    const mapping = suggestMapping(['Firma', 'Lieblingsfarbe', 'Umsatz', 'Ort']);
    expect(mapRow({ row: 2, cells: ['Müller GmbH', 'blau', 1234.5, '  '] }, mapping)).toEqual({
      'account.name': 'Müller GmbH',
      'account.revenue': 1234.5,
      'account.city': null,
    });
  });

  it('reads "Umsatz" as the period\'s revenue in a list with a period, and as the annual revenue without one', () => {
    expect(fields(['Kundennummer', 'Firma', 'Jahr', 'Monat', 'Umsatz', 'Kosten', 'Währung'])).toEqual([
      'account.customerNumber',
      'account.name',
      'revenue.year',
      'revenue.period',
      'revenue.amount',
      'revenue.cost',
      'revenue.currency',
    ]);
    expect(fields(['Customer number', 'Period', 'Revenue', 'Cost'])).toEqual(['account.customerNumber', 'revenue.period', 'revenue.amount', 'revenue.cost']);
    expect(fields(['Firma', 'Erlös'])).toEqual(['account.name', 'account.revenue']);
    // A customer list's costs and currency belong to no field of it (as a revenue list it would need a period).
    expect(fields(['Firma', 'Nachname', 'E-Mail', 'Umsatz', 'Kosten', 'Währung'])).toEqual([
      'account.name',
      'contact.lastName',
      'contact.email',
      'account.revenue',
      null,
      null,
    ]);
    expect(mappingForKind({ columns: [] }, ['Firma', 'Umsatz', 'Kosten'], 'revenue').columns.map((column) => column.field)).toEqual([
      'account.name',
      'revenue.amount',
      'revenue.cost',
    ]);
    // A template from a revenue list does not turn the next customer list's Umsatz into a period's revenue, nor the reverse.
    const fromRevenueList = { columns: [{ index: 0, header: 'Umsatz', field: 'revenue.amount' as const }] };
    expect(applyTemplate(fromRevenueList, ['Firma', 'Umsatz']).columns.map((column) => column.field)).toEqual(['account.name', 'account.revenue']);
    const fromCustomerList = { columns: [{ index: 0, header: 'Umsatz', field: 'account.revenue' as const }] };
    expect(applyTemplate(fromCustomerList, ['Firma', 'Periode', 'Umsatz']).columns.map((column) => column.field)).toEqual([
      'account.name',
      'revenue.period',
      'revenue.amount',
    ]);
  });

  it('reads a list with a period, a revenue and person columns as a revenue list, and one without revenue as a customer list', () => {
    expect(fields(['Kundennummer', 'Firma', 'Jahr', 'Umsatz', 'Vorname', 'Nachname', 'E-Mail', 'Einwilligung'])).toEqual([
      'account.customerNumber',
      'account.name',
      'revenue.year',
      'revenue.amount',
      null,
      null,
      null,
      null,
    ]);
    expect(fields(['Firma', 'Monat', 'Erlös', 'Kosten', 'Ansprechpartner', 'E-Mail'])).toEqual([
      'account.name',
      'revenue.period',
      'revenue.amount',
      'revenue.cost',
      null,
      null,
    ]);
    expect(fields(['Firma', 'Jahr', 'Vorname', 'Nachname', 'Kosten'])).toEqual(['account.name', null, 'contact.firstName', 'contact.lastName', null]);
    // The user's choice of a customer list takes the person columns back, and reads Umsatz as the annual revenue.
    const header = ['Firma', 'Jahr', 'Umsatz', 'Nachname', 'E-Mail'];
    expect(mappingForKind({ columns: [] }, header, 'combined').columns.map((column) => column.field)).toEqual([
      'account.name',
      null,
      'account.revenue',
      'contact.lastName',
      'contact.email',
    ]);
  });

  it("recognises German and English opportunity lists, and reads their Umsatz and Währung as the opportunity's", () => {
    expect(fields(['Kundennummer', 'Firma', 'Verkaufschance', 'Phase', 'Betrag', 'Abschlussdatum', 'Verantwortlich', 'Währung'])).toEqual([
      'account.customerNumber',
      'account.name',
      'opportunity.name',
      'opportunity.stage',
      'opportunity.amount',
      'opportunity.closeDate',
      'opportunity.owner',
      'opportunity.currency',
    ]);
    expect(fields(['Account', 'Opportunity name', 'Sales stage', 'Deal value', 'Expected close date', 'Owner'])).toEqual([
      'account.name',
      'opportunity.name',
      'opportunity.stage',
      'opportunity.amount',
      'opportunity.closeDate',
      'opportunity.owner',
    ]);
    // An opportunity list's Umsatz is the deal's amount; its person columns are not read (the list creates no contacts).
    expect(fields(['Firma', 'Projekt', 'Status', 'Umsatz', 'E-Mail'])).toEqual([
      'account.name',
      'opportunity.name',
      'opportunity.stage',
      'opportunity.amount',
      null,
    ]);
  });

  it("leaves a customer list's Status and Verantwortlich unmapped, also after a template from an opportunity list", () => {
    expect(fields(['Firma', 'Status', 'Verantwortlich', 'Umsatz'])).toEqual(['account.name', null, null, 'account.revenue']);
    const fromOpportunities = {
      columns: [
        { index: 0, header: 'Projekt', field: 'opportunity.name' as const },
        { index: 1, header: 'Umsatz', field: 'opportunity.amount' as const },
      ],
    };
    expect(applyTemplate(fromOpportunities, ['Firma', 'Umsatz', 'Phase']).columns.map((column) => column.field)).toEqual([
      'account.name',
      'account.revenue',
      null,
    ]);
  });

  it('proposes the mapping for the kind the user chose: only its fields, with the headers that mean something in it', () => {
    const header = ['Firma', 'Name', 'Phase', 'Umsatz', 'Vorname', 'E-Mail'];
    expect(mappingForKind({ columns: [] }, header, 'opportunities').columns.map((column) => column.field)).toEqual([
      'account.name',
      'opportunity.name',
      'opportunity.stage',
      'opportunity.amount',
      null,
      null,
    ]);
    expect(mappingForKind({ columns: [] }, header, 'accounts').columns.map((column) => column.field)).toEqual([
      'account.name',
      null,
      null,
      'account.revenue',
      null,
      null,
    ]);
    expect(mappingForKind({ columns: [] }, ['Firma', 'Jahr', 'Umsatz', 'Ort'], 'revenue').columns.map((column) => column.field)).toEqual([
      'account.name',
      'revenue.year',
      'revenue.amount',
      null,
    ]);
  });
});
