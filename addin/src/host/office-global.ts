/// <reference types="office-js" />
// The page's Office.js: the entries ask here instead of reading the global, so Office stays inside the host modules.

/** Office.js once it is ready, and whether Outlook loaded the page; null when no Office host did (a plain browser). */
export async function readyOffice(): Promise<{ office: typeof Office; inOutlook: boolean } | null> {
  const office = (window as { Office?: typeof Office }).Office;
  if (!office) return null;
  const info = await office.onReady();
  return { office, inOutlook: info.host === office.HostType.Outlook };
}
