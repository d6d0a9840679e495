// The Data tab's translate function: the tabs' shared keys and its own (loaded with data-texts.ts).
import { useTexts } from '@crm/common/web';
import type { DataKey } from './data-texts';

export const useDataT = () => useTexts<DataKey>();
