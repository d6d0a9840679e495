// The leads feature's public entry: the score, for whoever shows a lead, and the open lead of an address (the Outlook pane).
export { scoreLead } from './score';
export { changeLead, createLead, openLeadsByEmail } from './service';
