// The Teams app's identity as the manifest declares it, for the manifest and for the pages that link into the app
// (the pane's "Open in Teams" deep link): one source, so a link names the app and tab that were packaged.

/** The app's id when CRM_APP_ID is not set (a development package); keep one id across versions. */
export const DEFAULT_APP_ID = '5b1e4f3a-8c2d-4e6f-9a0b-7c3d2e1f0a9b';
/** The entity id of the personal tab "My CRM", which deep links open (an account as subEntityId `account:<id>`). */
export const MY_CRM_TAB = 'my-crm';

export const teamsAppIdOf = (env = process.env) => env.CRM_APP_ID ?? DEFAULT_APP_ID;
