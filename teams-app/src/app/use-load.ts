// The tabs load their screens through the shared hook, which the account insights block in common/ uses too.
export { useLoad, type Load } from '@crm/common/web/use-load';
