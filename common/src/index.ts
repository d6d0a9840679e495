// Public surface of @crm/common: contracts, the endpoint catalogue and the OpenAPI generator.
export * from './contracts/primitives';
export * from './contracts/enums';
export * from './contracts/accounts';
export * from './contracts/contacts';
export * from './contracts/opportunities';
export * from './contracts/tasks';
export * from './contracts/interactions';
export * from './contracts/consents';
export * from './contracts/context';
export * from './contracts/tenant';
export * from './contracts/dev-token';
export * from './contracts/sync';
export * from './contracts/teams';
export * from './contracts/privacy';
export * from './contracts/imports';
export * from './api/endpoints';
export * from './api/openapi';
