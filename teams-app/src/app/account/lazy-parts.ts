// Parts of the account tab that are not its first screen load on demand: the account's figures (issue 15) after the
// first screen, the log form and a complaint's resolve form when opened. A lazy chunk splits what it shares with the tab into a second file, which
// gzips worse (+1.25 KB up front for the figures alone); the log form's code leaving the first download pays for that.
import { lazy } from 'react';

export const AccountInsights = lazy(() => import('./AccountInsights'));
export const LogForm = lazy(() => import('./LogForm').then((m) => ({ default: m.LogForm })));
export const ResolveComplaint = lazy(() => import('./ResolveComplaint').then((m) => ({ default: m.ResolveComplaint })));
