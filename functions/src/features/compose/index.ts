// The compose feature's public entry: the consent check before sending.
export { checkRecipients } from './service';
