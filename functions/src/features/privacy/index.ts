// The privacy feature's public entry: the erasure blocklist other features consult before storing or showing an address.
export { erasedAddresses, isErasedAddress } from './service';
