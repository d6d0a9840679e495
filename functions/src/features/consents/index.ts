// The consents feature's public entry: the ledger's row mapping, history and the pure consent state.
export { CONSENT_SELECT, toConsentEntry } from './rows';
export { consentHistoryOf, recordConsent } from './service';
export { consentState } from './consent-state';
