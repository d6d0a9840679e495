// Editing a record on the version it was read at, in both front-ends: the save with If-Match, the notice that names a
// colleague's change in between, and the edit forms both hosts share. Its own entry, so it loads with the forms that
// use it and stays out of the pane's and the tabs' first download.
export * from './components/ChangedNotice';
export * from './components/OpportunityEditForm';
export * from './hooks/use-versioned-save';
