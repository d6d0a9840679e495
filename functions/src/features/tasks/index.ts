// The tasks feature's public entry: what other features may use.
export { toTask } from './rows';
export { changeTask, createSystemTask, createTask, linkFollowUpsToSender, readTask } from './service';
