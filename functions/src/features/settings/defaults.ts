// What a new tenant starts with: every setting's default, as the shared schema reads an empty document.
import { StoredTenantSettings, type TenantSettings } from '@crm/common';

export const defaultSettings: TenantSettings = StoredTenantSettings.parse({});
export const defaultStages = defaultSettings.stages;
