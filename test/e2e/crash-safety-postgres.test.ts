// Nothing lost when the local host on a PostgreSQL server is killed with SIGKILL (the suite: crash-safety-suite.ts).
import { describeCrashSafety } from './crash-safety-suite';

describeCrashSafety('postgres');
