// The settings feature's public entry: other features read the tenant's settings and defaults only through here.
export { defaultSettings, defaultStages } from './defaults';
export { replaceSettings } from './service';
export { getSettings } from './store';
