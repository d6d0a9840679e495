// Fixed facts of the demo tenant shared by the seed, the previews and the browser tests.
export * from './demo-tenant';
export * from './featured';
