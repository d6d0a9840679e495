// The API client and sign-in without the React parts: for scripts that run with no page, such as the add-in's send check.
export { createApiClient, type ApiClient } from './api/api-client';
export { naaTokenProvider } from './auth/naa-token-provider';
export type { PageConfig } from './page-config';
export * from '../contracts/compose-rule';
