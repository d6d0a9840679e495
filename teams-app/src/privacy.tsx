// Entry of the personal tab "Privacy" (Datenschutz) for the data protection officer.
import { PrivacyTab } from './app/privacy/PrivacyTab';
import { startTab } from './start';

void startTab(() => <PrivacyTab />);
