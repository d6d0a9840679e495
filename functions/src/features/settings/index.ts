// The settings feature's public entry: other features read the tenant's settings and defaults only through here.
export { defaultSettings, defaultStages } from './defaults';
export { getSettings, replaceSettings } from './service';
export { internalPeople, isInternal, type InternalPeople } from './internal';
