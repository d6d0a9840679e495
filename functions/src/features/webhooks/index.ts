// The webhooks feature's public entry: the outbox worker the hosts' timer runs.
export { deliverDue, type DeliveryOptions, type Sender } from './delivery';
