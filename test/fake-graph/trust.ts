// Makes this process trust the fake's self-signed certificate: NODE_EXTRA_CA_CERTS is read only at start, so in-process clients need this.
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';

/** Covers global fetch (undici) and node:https's global agent (msal-node's default network client); returns a function that undoes both. */
export function trustFakeGraphCert(pem: string): () => void {
  const previousDispatcher = getGlobalDispatcher();
  const previousCa = https.globalAgent.options.ca;
  const ca = [...rootCertificates, pem];
  setGlobalDispatcher(new Agent({ connect: { ca } }));
  https.globalAgent.options.ca = ca;
  return () => {
    setGlobalDispatcher(previousDispatcher);
    https.globalAgent.options.ca = previousCa;
  };
}
