// The automation feature's public entry: the daily run and the notification sender the hosts' timers call.
export { AUTOMATION_SCHEDULE, runDailyAutomation } from './service';
export { deliverNotifications, NOTIFICATION_SCHEDULE, type ActivityFeed } from './notifications';
