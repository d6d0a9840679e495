// The automation feature's public entry: the daily run the hosts' timer calls.
export { AUTOMATION_SCHEDULE, runDailyAutomation } from './service';
