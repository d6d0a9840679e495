// The managers feature's public entry: the escalations of cases and of the automation rules ask it for managers.
export { managersOf } from './service';
