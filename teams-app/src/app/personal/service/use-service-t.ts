// The translate function of My CRM's leads and cases: the tabs' shared keys and the sections' own.
import { useTexts } from '@crm/common/web';
import type { TabKey } from '../../texts';
import type { ServiceKey } from './service-texts';

export const useServiceT = () => useTexts<ServiceKey | TabKey>();
