// Types of teams-app.mjs for the TypeScript callers.
export declare const DEFAULT_APP_ID: string;
export declare const MY_CRM_TAB: string;
export declare const teamsAppIdOf: (env?: NodeJS.ProcessEnv) => string;
