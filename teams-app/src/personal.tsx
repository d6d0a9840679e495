// Entry of the personal tab "My CRM".
import { MyWorkTab } from './app/personal/MyWorkTab';
import { startTab } from './start';

void startTab(() => <MyWorkTab />);
