// What a page's early-requests script needs, without React or the page's parts (api/early-responses.ts).
export { routeRequest } from './api/api-client';
export { sendEarly } from './api/early-responses';
export { storedDevToken } from './auth/token-provider';
export { languageOf } from './i18n/language';
