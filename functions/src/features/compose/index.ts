// The compose feature's public entry: the consent check before sending, and its statement for the benchmark's floor.
export { checkRecipients } from './service';
export { COMPOSE_CHECK_SQL } from './store';
