// The insights feature's public entry.
export { accountInsights, teamInsights } from './service';
