// The Insights tab's translate function: the tabs' shared keys and its own (loaded with insights-texts.ts).
import { useTexts } from '@crm/common/web';
import type { InsightsKey } from './insights-texts';

export const useInsightsT = () => useTexts<InsightsKey>();
