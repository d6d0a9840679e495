// The leads feature's public entry: the score, for whoever shows a lead.
export { scoreLead } from './score';
