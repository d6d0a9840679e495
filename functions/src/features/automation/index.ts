// The automation feature's public entry: the daily run and the notification sender the hosts' timers call, and the
// handover notice leads and cases send, the escalation notice of cases, and which tasks a rule made (the Teams tabs' lists).
export { AUTOMATION_SCHEDULE, runDailyAutomation, withRules } from './service';
export { deliverNotifications, NOTIFICATION_SCHEDULE, queueOverdueNotifications, type ActivityFeed } from './notifications';
export { HANDOVER_ACTIVITY, notifyHandover } from './handover';
export { CASE_ESCALATED_ACTIVITY, notifyEscalation } from './escalation';
