// Nothing lost when the local host on embedded PGlite is killed with SIGKILL (the suite: crash-safety-suite.ts).
import { describeCrashSafety } from './crash-safety-suite';

describeCrashSafety('pglite');
