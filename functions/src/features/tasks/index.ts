// The tasks feature's public entry: what other features may use.
export { toTask } from './rows';
export { changeTask, createTask, linkFollowUpsToSender } from './service';
