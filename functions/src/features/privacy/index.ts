// The privacy feature's public entry: what other features ask before storing or showing a person
// (the erasure blocklist, restriction of processing).
export { erasedAddresses, isErasedAddress } from './service';
export { notOnlyAboutRestrictedSql, notRestrictedSql, restrictedAmong, restrictedAmongAddresses, restrictedViewOf, seesRestricted, type RestrictedView } from './restriction';
export { retainedInteractionIds } from './store';
