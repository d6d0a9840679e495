// Changing a lead, a case or a complaint on the version it was read at, in either front-end: the If-Match save that
// re-reads the record on a 412 and the shared notice naming who changed it, when and what. Its own entry without the
// opportunity form of @crm/common/web/versioned-edit, so it loads only with the sections and forms that use it.
export * from './components/ChangedNotice';
export * from './hooks/use-versioned-save';
