// The one-month deadline of Art. 12(3) on calendar dates, and the register's flags.
import { describe, expect, it } from 'vitest';
import { addMonths, deadlineFlags, dueDate, extendedDueDate } from './request-deadlines';

describe('request deadlines', () => {
  it('ends one month after receipt on the same day of the month', () => {
    expect(dueDate('2026-03-05')).toBe('2026-04-05');
    expect(dueDate('2026-12-15')).toBe('2027-01-15');
  });

  it('ends on the last day of a shorter month: 31 Jan is due 28 Feb, or 29 Feb in a leap year', () => {
    expect(dueDate('2026-01-31')).toBe('2026-02-28');
    expect(dueDate('2028-01-31')).toBe('2028-02-29');
    expect(dueDate('2028-01-29')).toBe('2028-02-29');
    expect(dueDate('2026-03-31')).toBe('2026-04-30');
    expect(dueDate('2026-02-28')).toBe('2026-03-28');
  });

  it('counts an extension from receipt, so the shortened February does not shorten the extended period', () => {
    expect(extendedDueDate('2026-01-31', 2)).toBe('2026-04-30');
    expect(extendedDueDate('2026-01-31', 1)).toBe('2026-03-31');
    expect(extendedDueDate('2026-11-30', 2)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('flags an open request past its deadline as overdue, and one due within seven days as due this week', () => {
    expect(deadlineFlags('2026-12-01', 'received', '2026-12-02')).toEqual({ overdue: true, dueThisWeek: false });
    expect(deadlineFlags('2026-12-02', 'in_progress', '2026-12-02')).toEqual({ overdue: false, dueThisWeek: true });
    expect(deadlineFlags('2026-12-08', 'received', '2026-12-02')).toEqual({ overdue: false, dueThisWeek: true });
    expect(deadlineFlags('2026-12-09', 'received', '2026-12-02')).toEqual({ overdue: false, dueThisWeek: false });
  });

  it('flags nothing once the request is answered', () => {
    expect(deadlineFlags('2026-11-01', 'completed', '2026-12-02')).toEqual({ overdue: false, dueThisWeek: false });
    expect(deadlineFlags('2026-12-03', 'rejected', '2026-12-02')).toEqual({ overdue: false, dueThisWeek: false });
  });
});
